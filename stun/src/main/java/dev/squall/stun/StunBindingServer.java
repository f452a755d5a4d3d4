package dev.squall.stun;

import dev.squall.stun.StunServerResult.Outcome;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.RawAttribute;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.UnknownAttributes;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.internal.ClassicBindingResponder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A sans-I/O STUN Binding server without authentication (RFC 8489 §6.3, the "public STUN server"
 * usage): one message in, at most one response out. Stateless and therefore safe to share between
 * threads and transports (UDP datagrams, TCP frames cut with {@link StunFraming}).
 *
 * <p>Processing, in order:
 *
 * <ol>
 *   <li>Fewer than 20 bytes or first two bits set → {@code DROPPED_NOT_STUN}. Without the magic
 *       cookie the message is an RFC 3489 request and {@link ClassicBindingResponder} answers it
 *       (MAPPED-ADDRESS, RFC 8489 §12.2) or drops it.
 *   <li>Decoding fails (bad length, overrunning attribute, malformed known attribute), or a
 *       FINGERPRINT is present but wrong or not last → {@code DROPPED_MALFORMED} (RFC 8489 §7.3:
 *       silently discarded).
 *   <li>Indications and responses → {@code DROPPED_UNSUPPORTED} (nothing is ever sent for them,
 *       §6.3.2–§6.3.4).
 *   <li>A request of any method but Binding → 400 (Bad Request) error response, {@code
 *       BAD_REQUEST_ERROR}. RFC 8489 §6.3.1 has a server answer every request it cannot process
 *       with an error response rather than let the client retransmit for 39.5 s; 400 is the code
 *       for a request the server will not process as sent (a TURN server is another component).
 *   <li>Comprehension-required attributes without a codec here, before any MESSAGE-INTEGRITY (later
 *       ones are ignored, §9) → 420 (Unknown Attribute) with UNKNOWN-ATTRIBUTES listing each type
 *       once, {@code UNKNOWN_ATTRIBUTE_ERROR} (§6.3.1.1).
 *   <li>Otherwise a Binding success response with XOR-MAPPED-ADDRESS of the source, {@code
 *       BINDING_SUCCESS}. Integrity attributes in the request are ignored: this usage has no
 *       credentials.
 * </ol>
 *
 * Every response echoes the transaction ID, carries SOFTWARE (when configured) and ends with
 * FINGERPRINT. {@code handle} never throws for any content of {@code data}.
 */
public final class StunBindingServer {

  /** The SOFTWARE value of {@link #StunBindingServer()}. */
  public static final String DEFAULT_SOFTWARE = "Squall";

  private final Software software;
  private final ClassicBindingResponder classic;

  /** A server announcing {@link #DEFAULT_SOFTWARE}. */
  public StunBindingServer() {
    this(DEFAULT_SOFTWARE);
  }

  /**
   * A server announcing {@code software} in SOFTWARE; null or empty sends no SOFTWARE.
   *
   * @throws IllegalArgumentException when longer than 127 characters
   */
  public StunBindingServer(String software) {
    this.software = software == null || software.isEmpty() ? null : new Software(software);
    this.classic = new ClassicBindingResponder(this.software == null ? null : software);
  }

  /**
   * Handles one message received from {@code source}.
   *
   * @param source the sender's resolved transport address (required: a programming error otherwise,
   *     reported with {@link NullPointerException} or {@link IllegalArgumentException})
   * @return the outcome and the response to send to {@code source}, if any
   */
  public StunServerResult handle(byte[] data, int offset, int length, InetSocketAddress source) {
    Objects.requireNonNull(source, "source");
    if (source.isUnresolved()) {
      throw new IllegalArgumentException("unresolved source " + source);
    }
    if (!hasStunHeader(data, offset, length)) {
      return classic.handle(data, offset, length, source);
    }
    StunMessage request;
    try {
      request = StunMessage.decode(data, offset, length);
    } catch (StunException e) {
      return StunServerResult.dropped(Outcome.DROPPED_MALFORMED);
    }
    if (request.hasFingerprint() && !request.verifyFingerprint()) {
      return StunServerResult.dropped(Outcome.DROPPED_MALFORMED);
    }
    if (request.messageClass() != StunClass.REQUEST) {
      return StunServerResult.dropped(Outcome.DROPPED_UNSUPPORTED);
    }
    if (!request.method().equals(StunMethod.BINDING)) {
      return new StunServerResult(
          Outcome.BAD_REQUEST_ERROR, error(request, ErrorCode.of(ErrorCode.BAD_REQUEST), null));
    }
    List<Integer> unknown = unknownRequired(request);
    if (!unknown.isEmpty()) {
      return new StunServerResult(
          Outcome.UNKNOWN_ATTRIBUTE_ERROR,
          error(
              request, ErrorCode.of(ErrorCode.UNKNOWN_ATTRIBUTE), new UnknownAttributes(unknown)));
    }
    StunMessageBuilder response =
        StunMessage.builder(StunMessageType.BINDING_SUCCESS, request.transactionId())
            .add(new XorMappedAddress(source));
    return new StunServerResult(Outcome.BINDING_SUCCESS, finish(response));
  }

  private byte[] error(StunMessage request, ErrorCode code, UnknownAttributes unknown) {
    StunMessageBuilder b =
        StunMessage.builder(
                request.type().withClass(StunClass.ERROR_RESPONSE), request.transactionId())
            .add(code);
    if (unknown != null) {
      b.add(unknown);
    }
    return finish(b);
  }

  private byte[] finish(StunMessageBuilder b) {
    if (software != null) {
      b.add(software);
    }
    return b.addFingerprint().build().encode();
  }

  /** Comprehension-required types without a codec, up to the first integrity attribute. */
  private static List<Integer> unknownRequired(StunMessage request) {
    Set<Integer> unknown = new LinkedHashSet<>();
    for (StunAttribute a : request.attributes()) {
      if (a instanceof MessageIntegrity || a instanceof MessageIntegritySha256) {
        break;
      }
      if (a instanceof RawAttribute raw && raw.isComprehensionRequired()) {
        unknown.add(raw.type());
      }
    }
    return new ArrayList<>(unknown);
  }

  private static boolean hasStunHeader(byte[] data, int offset, int length) {
    if (data == null
        || offset < 0
        || length < StunMessage.HEADER_LENGTH
        || offset > data.length - length) {
      return false;
    }
    int cookie =
        ((data[offset + 4] & 0xFF) << 24)
            | ((data[offset + 5] & 0xFF) << 16)
            | ((data[offset + 6] & 0xFF) << 8)
            | (data[offset + 7] & 0xFF);
    return (data[offset] & 0xC0) == 0 && cookie == StunMessage.MAGIC_COOKIE;
  }
}
