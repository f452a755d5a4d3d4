package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.List;

/**
 * A {@code c=} line (RFC 8866 §5.7). The address is kept as written (it may carry {@code /ttl} and
 * {@code /count} suffixes for multicast).
 *
 * <pre>
 * connection-field = %d"c" "=" nettype SP addrtype SP connection-address CRLF
 * </pre>
 */
public record Connection(String netType, String addressType, String address) {

  /** {@code IN IP4 0.0.0.0}, the JSEP placeholder when no candidate is known (RFC 8829 §5.2.1). */
  public static final Connection DUMMY = new Connection("IN", "IP4", "0.0.0.0");

  public Connection {
    for (String f : List.of(netType, addressType, address)) {
      if (!Syntax.isVisible(f)) {
        throw new IllegalArgumentException("connection field is not visible ASCII: " + f);
      }
    }
  }

  /** Parses the value of a {@code c=} line. */
  public static Connection parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value, "c=<nettype> <addrtype> <address>");
    if (f.size() != 3
        || !Syntax.isVisible(f.get(0))
        || !Syntax.isVisible(f.get(1))
        || !Syntax.isVisible(f.get(2))) {
      throw new SdpParseException("c=<nettype> <addrtype> <address>");
    }
    return new Connection(f.get(0), f.get(1), f.get(2));
  }

  /** The value of the line, without {@code c=}. */
  @Override
  public String toString() {
    return netType + " " + addressType + " " + address;
  }
}
