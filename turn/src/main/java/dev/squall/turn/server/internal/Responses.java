package dev.squall.turn.server.internal;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.StunAttribute;
import java.util.List;

/**
 * Encodes the responses of the TURN server (RFC 8656 §6, RFC 8489 §6.3): the request's method and
 * transaction ID, the given attributes, SOFTWARE (when configured), MESSAGE-INTEGRITY or
 * MESSAGE-INTEGRITY-SHA256 when the request was authenticated (the kind the request used), and
 * FINGERPRINT last.
 */
public final class Responses {

  public static final int FORBIDDEN = 403;
  public static final int ALLOCATION_MISMATCH = 437;
  public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
  public static final int WRONG_CREDENTIALS = 441;
  public static final int UNSUPPORTED_TRANSPORT = 442;
  public static final int PEER_ADDRESS_FAMILY_MISMATCH = 443;
  public static final int ALLOCATION_QUOTA_REACHED = 486;
  public static final int INSUFFICIENT_CAPACITY = 508;

  private final Software software;
  private final Realm realm;

  public Responses(String software, String realm) {
    this.software = software == null || software.isEmpty() ? null : new Software(software);
    this.realm = new Realm(realm);
  }

  /** The ERROR-CODE attribute with the RFC's reason phrase. */
  public static ErrorCode errorCode(int code) {
    String reason =
        switch (code) {
          case FORBIDDEN -> "Forbidden";
          case ALLOCATION_MISMATCH -> "Allocation Mismatch";
          case ADDRESS_FAMILY_NOT_SUPPORTED -> "Address Family not Supported";
          case WRONG_CREDENTIALS -> "Wrong Credentials";
          case UNSUPPORTED_TRANSPORT -> "Unsupported Transport Protocol";
          case PEER_ADDRESS_FAMILY_MISMATCH -> "Peer Address Family Mismatch";
          case ALLOCATION_QUOTA_REACHED -> "Allocation Quota Reached";
          case INSUFFICIENT_CAPACITY -> "Insufficient Capacity";
          default -> null;
        };
    return reason == null ? ErrorCode.of(code) : new ErrorCode(code, reason);
  }

  /** A success response with {@code attributes}, protected with {@code auth}'s key. */
  public byte[] success(StunMessage request, List<StunAttribute> attributes, Credential auth) {
    StunMessageBuilder b =
        StunMessage.builder(
            request.type().withClass(StunClass.SUCCESS_RESPONSE), request.transactionId());
    b.addAll(attributes);
    return finish(b, auth);
  }

  /** An error response; protected when {@code auth} is not null. */
  public byte[] error(
      StunMessage request, int code, Credential auth, List<? extends StunAttribute> extra) {
    StunMessageBuilder b =
        StunMessage.builder(
                request.type().withClass(StunClass.ERROR_RESPONSE), request.transactionId())
            .add(errorCode(code));
    b.addAll(extra);
    return finish(b, auth);
  }

  /** An error response without extra attributes. */
  public byte[] error(StunMessage request, int code, Credential auth) {
    return error(request, code, auth, List.of());
  }

  /** 401 or 438 with REALM and a fresh NONCE (protected when {@code auth} is not null). */
  public byte[] challenge(StunMessage request, int code, String nonce, Credential auth) {
    return error(request, code, auth, List.of(realm, new Nonce(nonce)));
  }

  private byte[] finish(StunMessageBuilder b, Credential auth) {
    if (software != null) {
      b.add(software);
    }
    if (auth != null) {
      if (auth.sha256()) {
        b.addMessageIntegritySha256(auth.key());
      } else {
        b.addMessageIntegrity(auth.key());
      }
    }
    return b.addFingerprint().build().encode();
  }
}
