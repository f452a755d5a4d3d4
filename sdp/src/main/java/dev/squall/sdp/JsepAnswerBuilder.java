package dev.squall.sdp;

import dev.squall.sdp.internal.JsepSections;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Builds the answer of a data-channel-only endpoint to a remote offer, as {@code createAnswer} does
 * (RFC 8829 §5.3.1):
 *
 * <ul>
 *   <li>one answer m= section per offered one, in the same order, with the same mids;
 *   <li>the first usable {@code m=application ... webrtc-datachannel} section is accepted, with
 *       local ICE credentials, fingerprint, {@code a=setup}, {@code a=sctp-port} and {@code
 *       a=max-message-size};
 *   <li>every other section (audio, video, further or already rejected data sections) is rejected:
 *       port 0, same media type, protocol and formats, {@code c=IN IP4 0.0.0.0} and its mid only;
 *   <li>{@code a=group:BUNDLE} lists the accepted mids, when the offer had a BUNDLE group holding
 *       them.
 * </ul>
 *
 * The DTLS role is the configured one ({@link SetupRole#ACTIVE} by default) when the offer says
 * {@code actpass}; an offer that fixed its role ({@code active}/{@code passive}) gets the opposite.
 * Not thread-safe; one builder per answer.
 */
public final class JsepAnswerBuilder {
  private final SessionDescription offer;
  private final IceCredentials ice;
  private final Fingerprint fingerprint;
  private SetupRole setup = SetupRole.ACTIVE;
  private List<Candidate> candidates = List.of();
  private boolean endOfCandidates;
  private int sctpPort = 5000;
  private long maxMessageSize = 262144;
  private String sessionId;
  private long sessionVersion = 1;
  private RandomGenerator random;

  private JsepAnswerBuilder(SessionDescription offer, IceCredentials ice, Fingerprint fp) {
    this.offer = Objects.requireNonNull(offer, "offer");
    this.ice = Objects.requireNonNull(ice, "ice");
    this.fingerprint = Objects.requireNonNull(fp, "fingerprint");
  }

  /** An answer to {@code offer} using these local ICE credentials and certificate fingerprint. */
  public static JsepAnswerBuilder forOffer(
      SessionDescription offer, IceCredentials ice, Fingerprint fingerprint) {
    return new JsepAnswerBuilder(offer, ice, fingerprint);
  }

  /** The preferred DTLS role: {@link SetupRole#ACTIVE} (default) or {@link SetupRole#PASSIVE}. */
  public JsepAnswerBuilder setup(SetupRole value) {
    if (value != SetupRole.ACTIVE && value != SetupRole.PASSIVE) {
      throw new IllegalArgumentException("an answer's setup is active or passive, not " + value);
    }
    this.setup = value;
    return this;
  }

  /** Candidates for the accepted section (default: none, for trickle ICE). */
  public JsepAnswerBuilder candidates(List<Candidate> value) {
    this.candidates = List.copyOf(value);
    return this;
  }

  /** Whether to add {@code a=end-of-candidates} to the accepted section. */
  public JsepAnswerBuilder endOfCandidates(boolean value) {
    this.endOfCandidates = value;
    return this;
  }

  /** The local {@code a=sctp-port} (default 5000). */
  public JsepAnswerBuilder sctpPort(int value) {
    this.sctpPort = value;
    return this;
  }

  /** The local {@code a=max-message-size} (default 262144). */
  public JsepAnswerBuilder maxMessageSize(long value) {
    this.maxMessageSize = value;
    return this;
  }

  /** The o= session id (default: random) and version (default 1). */
  public JsepAnswerBuilder session(String id, long version) {
    this.sessionId = id;
    this.sessionVersion = version;
    return this;
  }

  /** The random source for the session id (default {@link SecureRandom}). */
  public JsepAnswerBuilder random(RandomGenerator value) {
    this.random = value;
    return this;
  }

  /** The answer. */
  public SessionDescription build() {
    RandomGenerator rng = random != null ? random : new SecureRandom();
    String id = sessionId != null ? sessionId : JsepSections.sessionId(rng);
    List<MediaDescription> sections = new ArrayList<>();
    List<String> acceptedMids = new ArrayList<>();
    boolean accepted = false;
    for (MediaDescription m : offer.media()) {
      if (!accepted && m.isDataChannel() && !m.isRejected()) {
        accepted = true;
        Optional<String> mid = m.mid();
        mid.ifPresent(acceptedMids::add);
        sections.add(
            JsepSections.dataSection(
                new JsepSections.DataSection(
                    mid.orElse(null),
                    m.protocol(),
                    ice,
                    fingerprint,
                    role(m),
                    candidates,
                    endOfCandidates,
                    sctpPort,
                    maxMessageSize)));
      } else {
        sections.add(rejected(m));
      }
    }
    List<Attribute> session = new ArrayList<>();
    Optional<Group> offered = offer.bundleGroup();
    if (offered.isPresent()) {
      List<String> bundled = acceptedMids.stream().filter(offered.get().mids()::contains).toList();
      if (!bundled.isEmpty()) {
        session.add(Group.bundle(bundled).toAttribute());
      }
    }
    return SessionDescription.of(Origin.jsep(id, sessionVersion), session, sections);
  }

  private SetupRole role(MediaDescription m) {
    SetupRole remote = offer.resolve(m, Attributed::setup).orElse(SetupRole.ACTPASS);
    return switch (remote) {
      case ACTIVE -> SetupRole.PASSIVE;
      case PASSIVE -> SetupRole.ACTIVE;
      default -> setup;
    };
  }

  private static MediaDescription rejected(MediaDescription m) {
    List<Attribute> attributes = new ArrayList<>();
    m.mid().ifPresent(mid -> attributes.add(Attribute.of("mid", mid)));
    return MediaDescription.of(
        m.media(), 0, m.protocol(), m.formats(), Connection.DUMMY, attributes);
  }
}
