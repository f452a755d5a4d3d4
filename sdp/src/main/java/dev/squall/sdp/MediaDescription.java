package dev.squall.sdp;

import dev.squall.sdp.internal.KnownAttributes;
import dev.squall.sdp.internal.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One media section: the {@code m=} line and the fields that follow it (RFC 8866 §5.14), in this
 * order:
 *
 * <pre>
 * media-description = media-field            ; m=&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; 1*(SP &lt;fmt&gt;)
 *                     [information-field]    ; i=
 *                     *connection-field      ; c=
 *                     bandwidth-fields       ; b=
 *                     [key-field]            ; k= (obsolete)
 *                     attribute-fields       ; a=
 * </pre>
 *
 * Immutable; attributes keep their order and unknown ones are kept verbatim. Known attributes are
 * validated on construction ({@link IllegalArgumentException} when one is malformed).
 *
 * @param portCount the {@code /<number of ports>} suffix, or null
 * @param information the {@code i=} value, or null
 * @param key the {@code k=} value, or null
 */
public record MediaDescription(
    String media,
    int port,
    Integer portCount,
    String protocol,
    List<String> formats,
    String information,
    List<Connection> connections,
    List<Bandwidth> bandwidths,
    String key,
    List<Attribute> attributes)
    implements Attributed {

  public MediaDescription {
    if (!Syntax.isToken(media)
        || port < 0
        || port > 65535
        || !Syntax.isProtocol(protocol)
        || (portCount != null && portCount < 1)) {
      throw new IllegalArgumentException("bad m= line fields");
    }
    if (!Syntax.isText(information) || !Syntax.isText(key)) {
      throw new IllegalArgumentException("i= and k= cannot hold CR, LF or NUL");
    }
    formats = List.copyOf(formats);
    if (formats.isEmpty() || !formats.stream().allMatch(Syntax::isToken)) {
      throw new IllegalArgumentException("m= needs at least one format token");
    }
    connections = List.copyOf(connections);
    bandwidths = List.copyOf(bandwidths);
    attributes = KnownAttributes.checked(attributes);
  }

  /** A section with one connection line, no bandwidth, information or key. */
  public static MediaDescription of(
      String media,
      int port,
      String protocol,
      List<String> formats,
      Connection connection,
      List<Attribute> attributes) {
    return new MediaDescription(
        media,
        port,
        null,
        protocol,
        formats,
        null,
        connection == null ? List.of() : List.of(connection),
        List.of(),
        null,
        attributes);
  }

  /** The first {@code c=} line of this section. */
  public Optional<Connection> connection() {
    return connections.isEmpty() ? Optional.empty() : Optional.of(connections.get(0));
  }

  /**
   * True when the section is rejected or disabled: port 0 without {@code a=bundle-only} (RFC 3264
   * §6, RFC 8829 §5.3.1; a bundle-only section also carries port 0 but is not rejected).
   */
  public boolean isRejected() {
    return port == 0 && !bundleOnly();
  }

  /** True for an SCTP-over-DTLS data channel section (RFC 8841): {@code webrtc-datachannel}. */
  public boolean isDataChannel() {
    return media.equals("application")
        && protocol.endsWith("DTLS/SCTP")
        && formats.contains("webrtc-datachannel");
  }

  /** This section with another port. */
  public MediaDescription withPort(int newPort) {
    return new MediaDescription(
        media,
        newPort,
        portCount,
        protocol,
        formats,
        information,
        connections,
        bandwidths,
        key,
        attributes);
  }

  /** This section with other attributes. */
  public MediaDescription withAttributes(List<Attribute> newAttributes) {
    return new MediaDescription(
        media,
        port,
        portCount,
        protocol,
        formats,
        information,
        connections,
        bandwidths,
        key,
        newAttributes);
  }

  /** This section with one more attribute at the end (e.g. a trickled candidate). */
  public MediaDescription withAttribute(Attribute attribute) {
    List<Attribute> list = new ArrayList<>(attributes);
    list.add(attribute);
    return withAttributes(list);
  }

  /** The value of the {@code m=} line, without {@code m=}. */
  public String mediaLine() {
    return media
        + " "
        + port
        + (portCount == null ? "" : "/" + portCount)
        + " "
        + protocol
        + " "
        + String.join(" ", formats);
  }
}
