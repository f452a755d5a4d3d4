package dev.squall.sdp;

import dev.squall.sdp.internal.CandidateAddress;
import dev.squall.sdp.internal.Syntax;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An ICE candidate, the value of {@code a=candidate} (RFC 8839 §5.1; TCP candidates RFC 6544 §4.5).
 *
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP "typ" SP cand-type
 *                       [SP "raddr" SP connection-address] [SP "rport" SP port]
 *                       *(SP extension-att-name SP extension-att-value)
 * foundation          = 1*32ice-char          ice-char = ALPHA / DIGIT / "+" / "/"
 * component-id        = 1*3DIGIT              transport = "UDP" / token
 * priority            = 1*10DIGIT             cand-type = "host" / "srflx" / "prflx" / "relay" / token
 * </pre>
 *
 * <p>The address may be an IPv4 or IPv6 literal or a host name (browsers hide host addresses behind
 * random {@code <uuid>.local} mDNS names). Extensions ({@code tcptype}, {@code generation}, {@code
 * ufrag}, {@code network-id}, {@code network-cost} and unknown ones) are kept in their order, so
 * {@link #toString()} gives back what was parsed (with single spaces).
 *
 * @param relatedAddress the {@code raddr} value, or null
 * @param relatedPort the {@code rport} value, or null
 * @param extensions the name/value pairs after the type and related address, in order
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    String type,
    String relatedAddress,
    Integer relatedPort,
    List<Extension> extensions) {

  /** Candidate types (RFC 8445 §5.1.1). {@link #OTHER} stands for an unknown token. */
  public enum Type {
    HOST,
    SRFLX,
    PRFLX,
    RELAY,
    OTHER
  }

  /** Transport protocols; {@link #OTHER} for unknown tokens. */
  public enum Transport {
    UDP,
    TCP,
    OTHER
  }

  /** The {@code tcptype} of an ICE-TCP candidate (RFC 6544 §4.5). */
  public enum TcpType {
    ACTIVE,
    PASSIVE,
    SO
  }

  /** One extension pair such as {@code generation 0}. */
  public record Extension(String name, String value) {
    public Extension {
      if (!Syntax.isToken(name) || !Syntax.isVisible(value)) {
        throw new IllegalArgumentException("bad candidate extension " + name + " " + value);
      }
    }
  }

  public Candidate {
    if (!isFoundation(foundation)
        || component < 1
        || component > 256
        || !Syntax.isToken(transport)
        || priority < 0
        || priority > 0xFFFFFFFFL
        || !CandidateAddress.isValid(address)
        || port < 0
        || port > 65535
        || !Syntax.isToken(type)
        || (relatedAddress != null && !CandidateAddress.isValid(relatedAddress))
        || (relatedPort != null && (relatedPort < 0 || relatedPort > 65535))) {
      throw new IllegalArgumentException("invalid candidate fields");
    }
    extensions = List.copyOf(extensions);
  }

  /** A candidate with no related address and no extensions. */
  public static Candidate of(
      String foundation,
      int component,
      String transport,
      long priority,
      String address,
      int port,
      String type) {
    return new Candidate(
        foundation, component, transport, priority, address, port, type, null, null, List.of());
  }

  /**
   * Parses a candidate as {@code a=candidate:...}, {@code candidate:...} (the form of {@code
   * RTCIceCandidate.candidate}) or the bare value.
   */
  public static Candidate parse(String text) throws SdpParseException {
    if (text == null) {
      throw new SdpParseException("candidate text");
    }
    String value = text;
    if (value.startsWith("a=")) {
      value = value.substring(2);
    }
    if (value.startsWith("candidate:")) {
      value = value.substring("candidate:".length());
    }
    List<String> f = Syntax.fields(value, "candidate fields");
    if (f.size() < 8 || !"typ".equals(f.get(6))) {
      throw new SdpParseException(
          "<foundation> <component> <transport> <priority> <address> <port> typ <type>");
    }
    if (!isFoundation(f.get(0))) {
      throw new SdpParseException("candidate foundation (1-32 of ALPHA / DIGIT / + /)");
    }
    int component = Syntax.integer(f.get(1), 1, 256, "candidate component id");
    String transport = Syntax.token(f.get(2), "candidate transport");
    long priority = Syntax.number(f.get(3), 0, 0xFFFFFFFFL, "candidate priority");
    String address = address(f.get(4));
    int port = Syntax.integer(f.get(5), 0, 65535, "candidate port");
    String type = Syntax.token(f.get(7), "candidate type");
    int i = 8;
    String raddr = null;
    Integer rport = null;
    if (i + 1 < f.size() && f.get(i).equals("raddr")) {
      raddr = address(f.get(i + 1));
      i += 2;
    }
    if (i + 1 < f.size() && f.get(i).equals("rport")) {
      rport = Syntax.integer(f.get(i + 1), 0, 65535, "candidate rport");
      i += 2;
    }
    if ((f.size() - i) % 2 != 0) {
      throw new SdpParseException("candidate extensions as <name> <value> pairs");
    }
    List<Extension> ext = new ArrayList<>();
    for (; i < f.size(); i += 2) {
      String name = Syntax.token(f.get(i), "candidate extension name");
      String v = f.get(i + 1);
      checkKnownExtension(name, v);
      ext.add(new Extension(name, v));
    }
    return new Candidate(
        f.get(0), component, transport, priority, address, port, type, raddr, rport, ext);
  }

  private static String address(String s) throws SdpParseException {
    if (!CandidateAddress.isValid(s)) {
      throw new SdpParseException("candidate address (IPv4, IPv6 or host name)");
    }
    return s;
  }

  private static void checkKnownExtension(String name, String v) throws SdpParseException {
    switch (name) {
      case "tcptype" -> {
        if (!v.equals("active") && !v.equals("passive") && !v.equals("so")) {
          throw new SdpParseException("tcptype active, passive or so");
        }
      }
      case "generation", "network-id", "network-cost" ->
          Syntax.number(v, 0, 0xFFFFFFFFL, "candidate " + name + " value");
      default -> {}
    }
  }

  private static boolean isFoundation(String s) {
    if (s == null || s.isEmpty() || s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The candidate with one more extension pair at the end. */
  public Candidate withExtension(String name, String value) {
    List<Extension> ext = new ArrayList<>(extensions);
    ext.add(new Extension(name, value));
    return new Candidate(
        foundation,
        component,
        transport,
        priority,
        address,
        port,
        type,
        relatedAddress,
        relatedPort,
        ext);
  }

  /** The candidate with a related address and port ({@code raddr}/{@code rport}). */
  public Candidate withRelated(String raddr, int rport) {
    return new Candidate(
        foundation, component, transport, priority, address, port, type, raddr, rport, extensions);
  }

  /** The transport as an enum (case-insensitive: browsers write {@code udp}, RFCs {@code UDP}). */
  public Transport transportType() {
    return switch (transport.toLowerCase(Locale.ROOT)) {
      case "udp" -> Transport.UDP;
      case "tcp" -> Transport.TCP;
      default -> Transport.OTHER;
    };
  }

  /** The candidate type as an enum. */
  public Type candidateType() {
    return switch (type) {
      case "host" -> Type.HOST;
      case "srflx" -> Type.SRFLX;
      case "prflx" -> Type.PRFLX;
      case "relay" -> Type.RELAY;
      default -> Type.OTHER;
    };
  }

  /** The value of the first extension called {@code name}. */
  public Optional<String> extension(String name) {
    for (Extension e : extensions) {
      if (e.name().equals(name)) {
        return Optional.of(e.value());
      }
    }
    return Optional.empty();
  }

  /** {@code tcptype} (RFC 6544), present on TCP candidates. */
  public Optional<TcpType> tcpType() {
    return extension("tcptype").map(v -> TcpType.valueOf(v.toUpperCase(Locale.ROOT)));
  }

  /** {@code generation} (libwebrtc). */
  public OptionalLong generation() {
    return number("generation");
  }

  /** {@code ufrag}: the ICE username fragment the candidate belongs to (trickle). */
  public Optional<String> ufrag() {
    return extension("ufrag");
  }

  /** {@code network-id} (libwebrtc). */
  public OptionalLong networkId() {
    return number("network-id");
  }

  /** {@code network-cost} (libwebrtc). */
  public OptionalLong networkCost() {
    return number("network-cost");
  }

  private OptionalLong number(String name) {
    Optional<String> v = extension(name);
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v.get()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** {@code rport} as an OptionalInt. */
  public OptionalInt relatedPortValue() {
    return relatedPort == null ? OptionalInt.empty() : OptionalInt.of(relatedPort);
  }

  /**
   * True when the address is an mDNS name ({@code *.local}, RFC 8839 / mmusic-mdns-ice-candidates).
   */
  public boolean isMdns() {
    return address.toLowerCase(Locale.ROOT).endsWith(".local");
  }

  /** True when the address is an IPv6 literal. */
  public boolean isIpv6() {
    return address.indexOf(':') >= 0;
  }

  /**
   * The address as an {@link InetAddress} when it is an IP literal; empty for host names (never
   * resolves names: an mDNS name needs an mDNS resolver, or the peer-reflexive address of the first
   * check).
   */
  public Optional<InetAddress> ipAddress() {
    return CandidateAddress.literal(address);
  }

  /** The attribute value without any prefix. */
  public String value() {
    StringBuilder sb = new StringBuilder();
    sb.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ');
    sb.append(priority).append(' ').append(address).append(' ').append(port);
    sb.append(" typ ").append(type);
    if (relatedAddress != null) {
      sb.append(" raddr ").append(relatedAddress);
    }
    if (relatedPort != null) {
      sb.append(" rport ").append(relatedPort);
    }
    for (Extension e : extensions) {
      sb.append(' ').append(e.name()).append(' ').append(e.value());
    }
    return sb.toString();
  }

  /** The {@code a=candidate} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("candidate", value());
  }

  /** {@code candidate:<value>}, the form of {@code RTCIceCandidate.candidate}. */
  @Override
  public String toString() {
    return "candidate:" + value();
  }
}
