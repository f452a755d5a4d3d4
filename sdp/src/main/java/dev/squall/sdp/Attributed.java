package dev.squall.sdp;

import dev.squall.sdp.internal.KnownAttributes;
import dev.squall.sdp.internal.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Typed read access to an ordered list of attributes: implemented by {@link SessionDescription}
 * (session level) and {@link MediaDescription} (media level). Known attributes are validated when a
 * description is parsed or constructed, so these accessors never fail. Each accessor reads only its
 * own level; {@link SessionDescription#resolve} falls back from media to session level.
 */
public interface Attributed {

  /** All attributes, in order. */
  List<Attribute> attributes();

  /** Every attribute called {@code name}, in order. */
  default List<Attribute> attributes(String name) {
    List<Attribute> out = new ArrayList<>();
    for (Attribute a : attributes()) {
      if (a.name().equals(name)) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  /** The first attribute called {@code name}. */
  default Optional<Attribute> attribute(String name) {
    for (Attribute a : attributes()) {
      if (a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** True when some attribute is called {@code name}. */
  default boolean has(String name) {
    return attribute(name).isPresent();
  }

  /** The value of the first attribute called {@code name} that has a value. */
  default Optional<String> value(String name) {
    return attributes(name).stream().map(Attribute::value).filter(v -> v != null).findFirst();
  }

  /** {@code a=mid} (RFC 5888). */
  default Optional<String> mid() {
    return value("mid");
  }

  /** {@code a=ice-ufrag} (RFC 8839). */
  default Optional<String> iceUfrag() {
    return value("ice-ufrag");
  }

  /** {@code a=ice-pwd} (RFC 8839). */
  default Optional<String> icePwd() {
    return value("ice-pwd");
  }

  /**
   * The tokens of every {@code a=ice-options} line, e.g. {@code trickle}. Commas separate tokens
   * too: libdatachannel writes {@code ice2,trickle} where RFC 8839 has spaces.
   */
  default List<String> iceOptions() {
    List<String> out = new ArrayList<>();
    for (String v : KnownAttributes.all(attributes(), "ice-options", s -> s)) {
      for (String t : v.split("[ ,]")) {
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return List.copyOf(out);
  }

  /** True when {@code a=ice-options} holds {@code trickle} (RFC 8838). */
  default boolean trickle() {
    return iceOptions().contains("trickle");
  }

  /** {@code a=fingerprint} lines (RFC 8122), in order. */
  default List<Fingerprint> fingerprints() {
    return KnownAttributes.all(attributes(), "fingerprint", Fingerprint::parse);
  }

  /** {@code a=setup} (RFC 4145). */
  default Optional<SetupRole> setup() {
    return KnownAttributes.all(attributes(), "setup", SetupRole::parse).stream().findFirst();
  }

  /** {@code a=candidate} lines (RFC 8839), in order. */
  default List<Candidate> candidates() {
    return KnownAttributes.all(attributes(), "candidate", Candidate::parse);
  }

  /** True when {@code a=end-of-candidates} is present (RFC 8840). */
  default boolean endOfCandidates() {
    return has("end-of-candidates");
  }

  /** True when {@code a=rtcp-mux} is present (RFC 5761). */
  default boolean rtcpMux() {
    return has("rtcp-mux");
  }

  /** True when {@code a=bundle-only} is present (RFC 9143). */
  default boolean bundleOnly() {
    return has("bundle-only");
  }

  /** {@code a=rtpmap} lines. */
  default List<RtpMap> rtpMaps() {
    return KnownAttributes.all(attributes(), "rtpmap", RtpMap::parse);
  }

  /** {@code a=fmtp} lines. */
  default List<Fmtp> fmtps() {
    return KnownAttributes.all(attributes(), "fmtp", Fmtp::parse);
  }

  /** {@code a=rtcp-fb} lines. */
  default List<RtcpFeedback> rtcpFeedbacks() {
    return KnownAttributes.all(attributes(), "rtcp-fb", RtcpFeedback::parse);
  }

  /** {@code a=extmap} lines. */
  default List<ExtMap> extMaps() {
    return KnownAttributes.all(attributes(), "extmap", ExtMap::parse);
  }

  /** {@code a=ssrc} lines. */
  default List<Ssrc> ssrcs() {
    return KnownAttributes.all(attributes(), "ssrc", Ssrc::parse);
  }

  /** {@code a=ssrc-group} lines. */
  default List<SsrcGroup> ssrcGroups() {
    return KnownAttributes.all(attributes(), "ssrc-group", SsrcGroup::parse);
  }

  /** {@code a=msid} lines. */
  default List<Msid> msids() {
    return KnownAttributes.all(attributes(), "msid", Msid::parse);
  }

  /** {@code a=simulcast} (RFC 8853). */
  default Optional<Simulcast> simulcast() {
    return KnownAttributes.all(attributes(), "simulcast", Simulcast::parse).stream().findFirst();
  }

  /** {@code a=rid} lines (RFC 8851). */
  default List<Rid> rids() {
    return KnownAttributes.all(attributes(), "rid", Rid::parse);
  }

  /** {@code a=group} lines (RFC 5888). */
  default List<Group> groups() {
    return KnownAttributes.all(attributes(), "group", Group::parse);
  }

  /** The first {@code a=group:BUNDLE}. */
  default Optional<Group> bundleGroup() {
    return groups().stream().filter(Group::isBundle).findFirst();
  }

  /** {@code a=sctp-port} (RFC 8841). */
  default OptionalInt sctpPort() {
    List<Integer> v =
        KnownAttributes.all(attributes(), "sctp-port", s -> Syntax.integer(s, 0, 65535, "port"));
    return v.isEmpty() ? OptionalInt.empty() : OptionalInt.of(v.get(0));
  }

  /** {@code a=max-message-size} (RFC 8841). */
  default OptionalLong maxMessageSize() {
    List<Long> v =
        KnownAttributes.all(
            attributes(), "max-message-size", s -> Syntax.number(s, 0, Long.MAX_VALUE, "size"));
    return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(v.get(0));
  }

  /** The direction attribute at this level, if any. */
  default Optional<Direction> direction() {
    return Optional.ofNullable(KnownAttributes.direction(attributes()));
  }
}
