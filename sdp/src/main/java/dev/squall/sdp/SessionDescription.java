package dev.squall.sdp;

import dev.squall.sdp.internal.KnownAttributes;
import dev.squall.sdp.internal.SdpParser;
import dev.squall.sdp.internal.SdpWriter;
import dev.squall.sdp.internal.Syntax;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A session description (RFC 8866 §5): session-level fields, then media sections in order.
 *
 * <pre>
 * session-description = version-field          ; v=0
 *                       origin-field           ; o=
 *                       session-name-field     ; s=
 *                       [information-field]    ; i=
 *                       [uri-field]            ; u=
 *                       *email-field           ; e=
 *                       *phone-field           ; p=
 *                       [connection-field]     ; c=
 *                       *bandwidth-field       ; b=
 *                       1*time-description     ; t= *r=
 *                       [zone-adjustments]     ; z=
 *                       [key-field]            ; k=
 *                       *attribute-field       ; a=
 *                       *media-description     ; m= ...
 * </pre>
 *
 * {@link #parse(String)} accepts CRLF or LF line ends; {@link #toString()} writes CRLF. Every field
 * is kept, so writing a parsed description gives back its input (with CRLF line ends). Immutable;
 * known attributes are validated on construction.
 *
 * @param information {@code i=}, or null
 * @param uri {@code u=}, or null
 * @param connection the session-level {@code c=}, or null
 * @param timeZones {@code z=} verbatim, or null
 * @param key {@code k=} verbatim, or null
 */
public record SessionDescription(
    Origin origin,
    String sessionName,
    String information,
    String uri,
    List<String> emails,
    List<String> phones,
    Connection connection,
    List<Bandwidth> bandwidths,
    List<Timing> timings,
    String timeZones,
    String key,
    List<Attribute> attributes,
    List<MediaDescription> media)
    implements Attributed {

  /** Longest SDP text {@link #parse} accepts, in characters. */
  public static final int MAX_LENGTH = 1 << 20;

  public SessionDescription {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sessionName, "sessionName");
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
    for (String text :
        List.of(
            sessionName,
            String.valueOf(information),
            String.valueOf(uri),
            String.valueOf(timeZones),
            String.valueOf(key),
            String.join(" ", emails),
            String.join(" ", phones))) {
      if (!Syntax.isText(text)) {
        throw new IllegalArgumentException("SDP text fields cannot hold CR, LF or NUL");
      }
    }
    bandwidths = List.copyOf(bandwidths);
    timings = List.copyOf(timings);
    if (timings.isEmpty()) {
      throw new IllegalArgumentException("at least one t= line is required");
    }
    attributes = KnownAttributes.checked(attributes);
    media = List.copyOf(media);
  }

  /** A description with JSEP's session fields ({@code s=-}, {@code t=0 0}) and nothing optional. */
  public static SessionDescription of(
      Origin origin, List<Attribute> attributes, List<MediaDescription> media) {
    return new SessionDescription(
        origin,
        "-",
        null,
        null,
        List.of(),
        List.of(),
        null,
        List.of(),
        List.of(Timing.UNBOUNDED),
        null,
        null,
        attributes,
        media);
  }

  /**
   * Parses SDP text (CRLF or LF line ends).
   *
   * @throws SdpParseException naming the line number, the line and what was expected; no other
   *     exception escapes for any input
   */
  public static SessionDescription parse(String text) throws SdpParseException {
    return SdpParser.parse(text);
  }

  /** The protocol version; 0 is the only one defined ({@code v=0}). */
  public int version() {
    return 0;
  }

  /** The media section whose {@code a=mid} is {@code mid}. */
  public Optional<MediaDescription> mediaByMid(String mid) {
    return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
  }

  /**
   * An attribute read at media level, falling back to session level (as for {@code a=fingerprint},
   * {@code a=ice-ufrag}, {@code a=setup}, which may appear at either level).
   */
  public <T> Optional<T> resolve(
      MediaDescription section, Function<Attributed, Optional<T>> accessor) {
    Optional<T> own = accessor.apply(section);
    return own.isPresent() ? own : accessor.apply(this);
  }

  /** Fingerprints of a media section, or the session-level ones when it has none. */
  public List<Fingerprint> fingerprintsFor(MediaDescription section) {
    List<Fingerprint> own = section.fingerprints();
    return own.isEmpty() ? fingerprints() : own;
  }

  /** This description with other media sections. */
  public SessionDescription withMedia(List<MediaDescription> newMedia) {
    return new SessionDescription(
        origin,
        sessionName,
        information,
        uri,
        emails,
        phones,
        connection,
        bandwidths,
        timings,
        timeZones,
        key,
        attributes,
        newMedia);
  }

  /** The SDP text, CRLF line ends, ending with CRLF. */
  @Override
  public String toString() {
    return SdpWriter.write(this);
  }
}
