package dev.squall.ice.internal;

import dev.squall.ice.IceCredentials;
import dev.squall.ice.IceRole;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.IceControlled;
import dev.squall.stun.attribute.IceControlling;
import dev.squall.stun.attribute.Priority;
import dev.squall.stun.attribute.UseCandidate;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorMappedAddress;
import java.net.InetSocketAddress;

/**
 * Builds the STUN messages of ICE (RFC 8445 §7.1, §7.3): Binding requests with USERNAME, PRIORITY,
 * the role attribute, optional USE-CANDIDATE, MESSAGE-INTEGRITY keyed with the peer's password and
 * FINGERPRINT; and the responses, keyed with our password. Pure functions.
 */
public final class IceMessages {

  private IceMessages() {}

  /** A connectivity check from us ({@code local}) to the peer ({@code remote} credentials). */
  public static StunMessage check(
      TransactionId id,
      IceCredentials local,
      IceCredentials remote,
      long prflxPriority,
      IceRole role,
      long tieBreaker,
      boolean useCandidate) {
    StunMessageBuilder b =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, id)
            .add(new Username(remote.ufrag() + ":" + local.ufrag()))
            .add(new Priority(prflxPriority));
    b.add(
        role == IceRole.CONTROLLING
            ? new IceControlling(tieBreaker)
            : new IceControlled(tieBreaker));
    if (useCandidate) {
      b.add(new UseCandidate());
    }
    return b.addMessageIntegrity(StunCredentials.shortTermKey(remote.pwd()))
        .addFingerprint()
        .build();
  }

  /** A plain Binding request to a STUN server (no credentials). */
  public static StunMessage binding(TransactionId id) {
    return StunMessage.builder(StunMessageType.BINDING_REQUEST, id).addFingerprint().build();
  }

  /** The success response to a check: XOR-MAPPED-ADDRESS of the source, integrity, fingerprint. */
  public static byte[] success(StunMessage request, InetSocketAddress source, String localPwd) {
    return StunMessage.builder(StunMessageType.BINDING_SUCCESS, request.transactionId())
        .add(new XorMappedAddress(source))
        .addMessageIntegrity(StunCredentials.shortTermKey(localPwd))
        .addFingerprint()
        .build()
        .encode();
  }

  /** An error response; with integrity when {@code localPwd} is not null. */
  public static byte[] error(StunMessage request, int code, String localPwd) {
    StunMessageBuilder b =
        StunMessage.builder(
                request.type().withClass(StunClass.ERROR_RESPONSE), request.transactionId())
            .add(ErrorCode.of(code));
    if (localPwd != null) {
      b.addMessageIntegrity(StunCredentials.shortTermKey(localPwd));
    }
    return b.addFingerprint().build().encode();
  }

  /** The error code of an error response, or 0. */
  public static int errorCode(StunMessage response) {
    return response.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }
}
