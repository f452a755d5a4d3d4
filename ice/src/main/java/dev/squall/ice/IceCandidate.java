package dev.squall.ice;

import dev.squall.ice.internal.CandidateParser;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One ICE candidate as signalled in SDP (RFC 8839 §5.1) or trickled (RFC 8838).
 *
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP "typ" SP cand-type
 *                       [SP "raddr" SP connection-address SP "rport" SP port]
 *                       *(SP extension-att-name SP extension-att-value)
 * </pre>
 *
 * Immutable. {@link #parse} accepts what Chromium and Firefox send: with or without the {@code a=}
 * and {@code candidate:} prefixes, {@code UDP} or {@code udp}, IPv4, IPv6, {@code <uuid>.local}
 * mDNS names, {@code tcptype} and extensions such as {@code generation}, {@code ufrag}, {@code
 * network-id} and {@code network-cost}. {@link #format()} writes the attribute value ({@code
 * candidate:...}) and {@code parse(c.format())} equals {@code c}.
 *
 * @param foundation 1–32 ice-chars (ALPHA, DIGIT, '+', '/')
 * @param component the component ID, 1–256 (1 for RTP/data)
 * @param transport the transport protocol in lower case ({@code udp}, {@code tcp}, …)
 * @param priority the unsigned 32-bit priority
 * @param address an IPv4 or IPv6 literal, or a host name such as {@code <uuid>.local}
 * @param port 0–65535
 * @param type host, srflx, prflx or relay
 * @param relatedAddress {@code raddr}, or null
 * @param relatedPort {@code rport}, or -1 when absent
 * @param tcpType {@code active}, {@code passive} or {@code so} for TCP candidates, else null
 * @param extensions the other name/value pairs, in order
 */
public record IceCandidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    CandidateType type,
    String relatedAddress,
    int relatedPort,
    String tcpType,
    List<Extension> extensions) {

  /** An extension attribute of the candidate line, such as {@code generation 0}. */
  public record Extension(String name, String value) {
    public Extension {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public IceCandidate {
    Objects.requireNonNull(foundation, "foundation");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(type, "type");
    transport = transport.toLowerCase(Locale.ROOT);
    extensions = List.copyOf(extensions);
    if (component < 1 || component > 256) {
      throw new IllegalArgumentException("component out of 1-256: " + component);
    }
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("priority out of 32-bit range: " + priority);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (relatedPort < -1 || relatedPort > 65535) {
      throw new IllegalArgumentException("related port out of range: " + relatedPort);
    }
  }

  /** A UDP candidate of component 1 without related address or extensions. */
  public static IceCandidate udp(
      String foundation, long priority, String address, int port, CandidateType type) {
    return new IceCandidate(
        foundation, 1, "udp", priority, address, port, type, null, -1, null, List.of());
  }

  /** This candidate with a related address (the base of a reflexive candidate). */
  public IceCandidate withRelated(String address, int port) {
    return new IceCandidate(
        foundation,
        component,
        transport,
        priority,
        this.address,
        this.port,
        type,
        address,
        port,
        tcpType,
        extensions);
  }

  /** This candidate with {@code extension} appended. */
  public IceCandidate withExtension(String name, String value) {
    List<Extension> more = new java.util.ArrayList<>(extensions);
    more.add(new Extension(name, value));
    return new IceCandidate(
        foundation,
        component,
        transport,
        priority,
        address,
        port,
        type,
        relatedAddress,
        relatedPort,
        tcpType,
        more);
  }

  /**
   * Parses a candidate attribute: {@code candidate:...}, {@code a=candidate:...} or the bare value.
   *
   * @throws CandidateParseException for anything else (the only exception thrown, whatever the
   *     input, null included)
   */
  public static IceCandidate parse(String line) throws CandidateParseException {
    return CandidateParser.parse(line);
  }

  /** The attribute value {@code candidate:...} (without {@code a=}). */
  public String format() {
    StringBuilder b = new StringBuilder("candidate:");
    b.append(foundation).append(' ').append(component).append(' ').append(transport);
    b.append(' ').append(priority).append(' ').append(address).append(' ').append(port);
    b.append(" typ ").append(type.token());
    if (relatedAddress != null) {
      b.append(" raddr ").append(relatedAddress);
    }
    if (relatedPort >= 0) {
      b.append(" rport ").append(relatedPort);
    }
    if (tcpType != null) {
      b.append(" tcptype ").append(tcpType);
    }
    for (Extension e : extensions) {
      b.append(' ').append(e.name()).append(' ').append(e.value());
    }
    return b.toString();
  }

  /** True for UDP candidates, the only ones this agent checks. */
  public boolean isUdp() {
    return transport.equals("udp");
  }

  /** True when the address is an mDNS name ({@code *.local}) that needs resolving. */
  public boolean isMdns() {
    return address.toLowerCase(Locale.ROOT).endsWith(".local");
  }

  /** The value of the first extension named {@code name}. */
  public Optional<String> extension(String name) {
    return extensions.stream().filter(e -> e.name().equals(name)).map(Extension::value).findFirst();
  }

  /** The {@code ufrag} extension (Chromium sends it), if present. */
  public Optional<String> ufrag() {
    return extension("ufrag");
  }

  @Override
  public String toString() {
    return format();
  }
}
