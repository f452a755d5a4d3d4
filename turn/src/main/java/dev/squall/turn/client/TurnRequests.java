package dev.squall.turn.client;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.transaction.Reliability;
import dev.squall.stun.transaction.StunTimeoutException;
import dev.squall.stun.transaction.StunTransactionTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The requests of one TURN client with the long-term credential mechanism (RFC 8489 §9.2, RFC 8656
 * §5): the first request goes unsigned; a 401 carrying REALM and NONCE teaches the realm and nonce
 * and the request is repeated with USERNAME, REALM, NONCE and MESSAGE-INTEGRITY (key {@code
 * MD5(user:realm:password)}); every later request is signed at once. A 438 Stale Nonce replaces the
 * nonce and repeats the request (three times at most in a row). A 401 to a signed request means the
 * server refused the credential.
 *
 * <p>Responses are matched to their transaction and, when the request was signed, must carry a
 * valid MESSAGE-INTEGRITY (success responses must; error responses may go without, as 401 and 438
 * do): others are dropped and the transaction keeps retransmitting. Runs on the path's scheduler.
 */
final class TurnRequests {

  /** One 401 to learn realm and nonce, then at most three 438s in a row. */
  private static final int MAX_CHALLENGES = 4;

  private final TurnPath path;
  private final TurnClientConfig config;
  private final StunTransactionTable table;
  private final Map<TransactionId, byte[]> keys = new HashMap<>();
  private String realm;
  private String nonce;
  private byte[] key;

  TurnRequests(TurnPath path, TurnClientConfig config) {
    this.path = path;
    this.config = config;
    this.table = new StunTransactionTable(path.scheduler(), config.transactions());
  }

  /**
   * Sends a {@code method} request with {@code attributes}; completes with the success response, or
   * fails with a {@link TurnException}.
   */
  CompletableFuture<StunMessage> send(StunMethod method, List<StunAttribute> attributes) {
    CompletableFuture<StunMessage> result = new CompletableFuture<>();
    attempt(method, attributes, result, 0);
    return result;
  }

  /** Offers a STUN response from the server; true when it answered one of our transactions. */
  boolean handle(StunMessage response) {
    if (!response.messageClass().isResponse() || !keys.containsKey(response.transactionId())) {
      return false;
    }
    byte[] signedWith = keys.get(response.transactionId());
    if (signedWith != null) {
      boolean hasIntegrity =
          response.attribute(MessageIntegrity.class).isPresent()
              || response.attribute(MessageIntegritySha256.class).isPresent();
      boolean mustHave = response.messageClass() == StunClass.SUCCESS_RESPONSE;
      if ((mustHave || hasIntegrity) && !response.verifyIntegrity(signedWith)) {
        return true; // forged or corrupted: dropped, the transaction keeps retransmitting
      }
    }
    table.handleResponse(response);
    return true;
  }

  /** Stops every outstanding request; their futures fail with {@link TurnException#CLOSED}. */
  void cancelAll() {
    table.cancelAll();
  }

  String realm() {
    return realm;
  }

  private void attempt(
      StunMethod method,
      List<StunAttribute> attributes,
      CompletableFuture<StunMessage> result,
      int challenges) {
    TransactionId id = TransactionId.random(config.random());
    StunMessageBuilder b =
        StunMessage.builder(new StunMessageType(method, StunClass.REQUEST), id).addAll(attributes);
    if (config.software() != null) {
      b.add(new Software(config.software()));
    }
    byte[] signedWith = key;
    if (signedWith != null) {
      b.add(new Username(config.username()))
          .add(new Realm(realm))
          .add(new Nonce(nonce))
          .addMessageIntegrity(signedWith);
    }
    StunMessage request = b.addFingerprint().build();
    keys.put(id, signedWith);
    Reliability reliability = path.isStream() ? Reliability.RELIABLE : Reliability.UNRELIABLE;
    CompletableFuture<StunMessage> tx;
    try {
      tx = table.start(request, reliability, path::send);
    } catch (RuntimeException e) {
      keys.remove(id);
      result.completeExceptionally(
          new TurnException(TurnException.PROTOCOL, method + " not sent: " + e.getMessage()));
      return;
    }
    tx.whenComplete(
        (response, error) -> {
          keys.remove(id);
          if (error != null) {
            result.completeExceptionally(failure(method, error));
          } else {
            outcome(method, attributes, result, challenges, signedWith, response);
          }
        });
  }

  private void outcome(
      StunMethod method,
      List<StunAttribute> attributes,
      CompletableFuture<StunMessage> result,
      int challenges,
      byte[] signedWith,
      StunMessage response) {
    if (response.messageClass() == StunClass.SUCCESS_RESPONSE) {
      result.complete(response);
      return;
    }
    ErrorCode error = response.attribute(ErrorCode.class).orElse(null);
    int code = error == null ? 0 : error.code();
    String newNonce = response.attribute(Nonce.class).map(Nonce::value).orElse(null);
    String newRealm = response.attribute(Realm.class).map(Realm::value).orElse(null);
    if (code == ErrorCode.UNAUTHENTICATED
        && signedWith == null
        && newNonce != null
        && newRealm != null
        && challenges < MAX_CHALLENGES) {
      learn(newRealm, newNonce);
      attempt(method, attributes, result, challenges + 1);
      return;
    }
    if (code == ErrorCode.STALE_NONCE && newNonce != null && challenges < MAX_CHALLENGES) {
      learn(newRealm != null ? newRealm : realm, newNonce);
      attempt(method, attributes, result, challenges + 1);
      return;
    }
    result.completeExceptionally(rejected(method, code, error, signedWith != null));
  }

  private void learn(String newRealm, String newNonce) {
    if (newRealm == null) {
      return;
    }
    if (!newRealm.equals(realm) || key == null) {
      realm = newRealm;
      key = StunCredentials.longTermKey(config.username(), newRealm, config.password());
    }
    nonce = newNonce;
  }

  private TurnException rejected(StunMethod method, int code, ErrorCode error, boolean signed) {
    String server = "TURN server " + format(path.server());
    String phrase = error == null ? "" : " " + error.reason();
    if (error == null) {
      return new TurnException(
          TurnException.PROTOCOL, server + " answered " + method + " with an error without code");
    }
    String detail =
        switch (code) {
          case 401 ->
              signed
                  ? " refused the credentials of user '"
                      + config.username()
                      + "' in realm '"
                      + realm
                      + "' (wrong user name or password, or an expired REST credential)"
                  : " asked for credentials without REALM and NONCE";
          case 403 -> " forbids " + method + " (403 Forbidden: e.g. a peer address it refuses)";
          case 437 ->
              method.equals(StunMethod.ALLOCATE)
                  ? " already holds an allocation for " + format(path.localAddress()) + " (437)"
                  : " no longer knows the allocation of " + format(path.localAddress()) + " (437)";
          case 438 -> " keeps saying the nonce is stale (438)";
          case 440 -> " does not relay this address family (440)";
          case 442 -> " does not relay UDP (442 Unsupported Transport Protocol)";
          case 486 -> " has no more allocations for user '" + config.username() + "' (486)";
          case 508 -> " is out of capacity (508 Insufficient Capacity)";
          default -> "";
        };
    if (detail.isEmpty()) {
      detail = " refused " + method;
    }
    return new TurnException(
        code, server + detail + ": " + method + " failed with " + code + phrase);
  }

  private TurnException failure(StunMethod method, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof StunTimeoutException t) {
      return new TurnException(
          TurnException.TIMEOUT,
          "no response from TURN server "
              + format(path.server())
              + " to "
              + method
              + " after "
              + t.transmissions()
              + " transmission"
              + (t.transmissions() == 1 ? "" : "s"));
    }
    if (cause instanceof CancellationException) {
      return new TurnException(TurnException.CLOSED, method + " cancelled: the client closed");
    }
    return new TurnException(
        TurnException.PROTOCOL, method + " to " + format(path.server()) + " failed: " + cause);
  }

  /** {@code 192.0.2.1:3478} or {@code [2001:db8::1]:3478}. */
  static String format(java.net.InetSocketAddress a) {
    String ip = a.getAddress().getHostAddress();
    return (a.getAddress() instanceof java.net.Inet6Address ? "[" + ip + "]" : ip)
        + ":"
        + a.getPort();
  }
}
