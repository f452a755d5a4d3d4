package dev.squall.turn.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import dev.squall.util.Scheduler;
import dev.squall.util.VirtualScheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A TURN server played by the test, on the virtual clock: a {@link TurnPath} that records what the
 * client sends, and helpers that answer the last request the way a real server would (401
 * challenge, 438, success protected with the long-term key, error codes).
 */
final class ScriptedServer implements TurnPath {

  static final InetSocketAddress SERVER = new InetSocketAddress("198.18.0.10", 3478);
  static final InetSocketAddress CLIENT = new InetSocketAddress("192.168.1.2", 5000);
  static final InetSocketAddress RELAYED = new InetSocketAddress("198.18.0.10", 50_000);
  static final InetSocketAddress MAPPED = new InetSocketAddress("198.18.1.1", 40_000);
  static final String REALM = "squall";

  final VirtualScheduler scheduler = new VirtualScheduler();
  final List<byte[]> sent = new ArrayList<>();
  boolean stream;
  boolean closed;
  String user = "alice";
  String password = "secret";

  @Override
  public InetSocketAddress server() {
    return SERVER;
  }

  @Override
  public InetSocketAddress localAddress() {
    return CLIENT;
  }

  @Override
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public boolean isStream() {
    return stream;
  }

  @Override
  public void send(byte[] message) {
    if (!closed) {
      sent.add(message);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  byte[] key() {
    return StunCredentials.longTermKey(user, REALM, password);
  }

  /** Every STUN message the client sent, decoded. */
  List<StunMessage> messages() {
    List<StunMessage> out = new ArrayList<>();
    for (byte[] b : sent) {
      if ((b[0] & 0xC0) == 0) {
        try {
          out.add(StunMessage.decode(b));
        } catch (StunException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }

  /** The requests of {@code method} the client sent, in order (retransmissions included). */
  List<StunMessage> requests(StunMethod method) {
    return messages().stream()
        .filter(m -> m.messageClass() == StunClass.REQUEST && m.method().equals(method))
        .toList();
  }

  StunMessage last(StunMethod method) {
    List<StunMessage> all = requests(method);
    assertThat(all).as("%s requests", method).isNotEmpty();
    return all.get(all.size() - 1);
  }

  /** Answers {@code request} with 401, REALM and NONCE (unprotected). */
  void challenge(StunMessage request, String nonce) {
    deliver(
        builder(request, StunClass.ERROR_RESPONSE)
            .add(ErrorCode.of(ErrorCode.UNAUTHENTICATED))
            .add(new Realm(REALM))
            .add(new Nonce(nonce))
            .addFingerprint()
            .build());
  }

  /** Answers {@code request} with 438 and a new NONCE. */
  void stale(StunMessage request, String nonce) {
    deliver(
        builder(request, StunClass.ERROR_RESPONSE)
            .add(ErrorCode.of(ErrorCode.STALE_NONCE))
            .add(new Realm(REALM))
            .add(new Nonce(nonce))
            .addMessageIntegrity(key())
            .addFingerprint()
            .build());
  }

  /** Answers {@code request} with an error, protected with the key. */
  void error(StunMessage request, int code, String reason) {
    deliver(
        builder(request, StunClass.ERROR_RESPONSE)
            .add(new ErrorCode(code, reason))
            .addMessageIntegrity(key())
            .addFingerprint()
            .build());
  }

  /** A success response with {@code attributes}, protected with the key. */
  void success(StunMessage request, StunAttribute... attributes) {
    StunMessageBuilder b = builder(request, StunClass.SUCCESS_RESPONSE);
    for (StunAttribute a : attributes) {
      b.add(a);
    }
    deliver(b.addMessageIntegrity(key()).addFingerprint().build());
  }

  /** The success response to Allocate: relayed and mapped address, the lifetime. */
  void allocated(StunMessage request, long lifetimeSeconds) {
    success(
        request,
        new XorRelayedAddress(RELAYED),
        new XorMappedAddress(MAPPED),
        new Lifetime(lifetimeSeconds));
  }

  /** Hands bytes from the server to the client under test. */
  TurnClient client;

  void deliver(StunMessage m) {
    deliver(m.encode());
  }

  void deliver(byte[] bytes) {
    assertThat(client.handle(bytes)).as("client took the message").isTrue();
  }

  private static StunMessageBuilder builder(StunMessage request, StunClass cls) {
    return StunMessage.builder(new StunMessageType(request.method(), cls), request.transactionId());
  }

  static StunMessageBuilder indication(StunMethod method) {
    return StunMessage.builder(
        new StunMessageType(method, StunClass.INDICATION), TransactionId.random());
  }
}
