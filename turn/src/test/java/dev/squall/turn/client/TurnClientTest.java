package dev.squall.turn.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorRelayedAddress;
import dev.squall.stun.transaction.StunTransactionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The allocation's life against a scripted server on the virtual clock: the 401 dance with the
 * long-term credential, 438 retries, refused and unanswered Allocates, refresh timing, deletion.
 */
class TurnClientTest {

  private final ScriptedServer server = new ScriptedServer();
  private final TurnClient client =
      new TurnClient(server, TurnClientConfig.of("alice", "secret").withRandom(new Random(1)));

  {
    server.client = client;
  }

  @Test
  void allocatesAfterTheChallengeWithTheLongTermCredential() throws Exception {
    CompletableFuture<TurnAllocation> f = client.allocate();
    StunMessage first = server.last(StunMethod.ALLOCATE);
    assertThat(first.attribute(RequestedTransport.class).orElseThrow().protocol()).isEqualTo(17);
    assertThat(first.attribute(Lifetime.class).orElseThrow().seconds()).isEqualTo(600);
    assertThat(first.attribute(MessageIntegrity.class)).isEmpty();
    assertThat(first.verifyFingerprint()).isTrue();

    server.challenge(first, "nonce-1");
    StunMessage signed = server.last(StunMethod.ALLOCATE);
    assertThat(signed.transactionId()).isNotEqualTo(first.transactionId());
    assertThat(signed.attribute(Username.class).orElseThrow().value()).isEqualTo("alice");
    assertThat(signed.attribute(Realm.class).orElseThrow().value()).isEqualTo("squall");
    assertThat(signed.attribute(Nonce.class).orElseThrow().value()).isEqualTo("nonce-1");
    assertThat(signed.verifyMessageIntegrity(server.key())).isTrue();
    assertThat(f).isNotDone();

    server.allocated(signed, 600);
    TurnAllocation a = f.getNow(null);
    assertThat(a).isNotNull();
    assertThat(a.localAddress()).isEqualTo(ScriptedServer.RELAYED);
    assertThat(a.mappedAddress()).contains(ScriptedServer.MAPPED);
    assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);
    assertThat(client.lifetime()).isEqualTo(Duration.ofSeconds(600));
    assertThat(client.allocate()).isSameAs(f);
  }

  @Test
  void aStaleNonceIsReplacedAndTheRequestRepeated() throws Exception {
    TurnAllocation a = allocate(600);
    CompletableFuture<Duration> refreshed = client.refresh();
    StunMessage refresh = server.last(StunMethod.REFRESH);
    server.stale(refresh, "nonce-2");
    StunMessage again = server.last(StunMethod.REFRESH);
    assertThat(again.transactionId()).isNotEqualTo(refresh.transactionId());
    assertThat(again.attribute(Nonce.class).orElseThrow().value()).isEqualTo("nonce-2");
    assertThat(again.verifyMessageIntegrity(server.key())).isTrue();
    server.success(again, new Lifetime(300));
    assertThat(refreshed.getNow(null)).isEqualTo(Duration.ofSeconds(300));
    assertThat(a.isClosed()).isFalse();
  }

  @Test
  void aServerThatKeepsSayingStaleIsGivenUpOn() {
    CompletableFuture<TurnAllocation> f = client.allocate();
    server.challenge(server.last(StunMethod.ALLOCATE), "n0");
    // three 438s in a row are answered with the new nonce (requests 3 to 5); the fourth is not
    for (int i = 1; i <= 3; i++) {
      server.stale(server.last(StunMethod.ALLOCATE), "n" + i);
    }
    assertThat(f).isNotDone();
    server.stale(server.last(StunMethod.ALLOCATE), "n4");
    assertThat(server.requests(StunMethod.ALLOCATE)).hasSize(5);
    TurnException e = failure(f);
    assertThat(e.code()).isEqualTo(438);
    assertThat(e.getMessage()).contains("stale");
  }

  @Test
  void wrongCredentialsFailWithAClearMessage() {
    CompletableFuture<TurnAllocation> f = client.allocate();
    server.challenge(server.last(StunMethod.ALLOCATE), "n1");
    server.challenge(server.last(StunMethod.ALLOCATE), "n2"); // the signed request refused
    TurnException e = failure(f);
    assertThat(e.code()).isEqualTo(401);
    assertThat(e.getMessage())
        .contains("TURN server 198.18.0.10")
        .contains("refused the credentials of user 'alice' in realm 'squall'");
    assertThat(server.requests(StunMethod.ALLOCATE)).hasSize(2);
    assertThat(client.state()).isEqualTo(TurnClient.State.FAILED);
    assertThat(client.failure()).isSameAs(e);
  }

  @Test
  void refusalsNameTheirCause() {
    assertThat(refusal(403, "Forbidden").getMessage()).contains("403").contains("Forbidden");
    assertThat(refusal(437, "Allocation Mismatch").getMessage())
        .contains("already holds an allocation for 192.168.1.2:5000");
    assertThat(refusal(486, "Allocation Quota Reached").getMessage())
        .contains("no more allocations for user 'alice'")
        .contains("486");
    assertThat(refusal(508, "Insufficient Capacity").getMessage())
        .contains("out of capacity")
        .contains("508");
  }

  @Test
  void aSilentServerTimesOutAfterTheRetransmissions() {
    CompletableFuture<TurnAllocation> f = client.allocate();
    server.scheduler.advance(Duration.ofMillis(39_400));
    assertThat(f).isNotDone();
    server.scheduler.advance(Duration.ofMillis(200));
    TurnException e = failure(f);
    assertThat(e.isTimeout()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo(
            "no response from TURN server 198.18.0.10:3478 to Allocate after 7 transmissions");
    assertThat(server.requests(StunMethod.ALLOCATE)).hasSize(7);
  }

  @Test
  void overAStreamRequestsAreSentOnce() {
    server.stream = true;
    TurnClient streamed =
        new TurnClient(
            server,
            TurnClientConfig.of("alice", "secret")
                .withTransactions(
                    new StunTransactionConfig(
                        Duration.ofMillis(500), 7, 16, Duration.ofMillis(39_500))));
    CompletableFuture<TurnAllocation> f = streamed.allocate();
    server.scheduler.advance(Duration.ofSeconds(40));
    assertThat(server.requests(StunMethod.ALLOCATE)).hasSize(1);
    assertThat(failure(f).isTimeout()).isTrue();
  }

  @Test
  void aForgedSuccessIsDroppedAndTheRequestRetransmitted() throws Exception {
    CompletableFuture<TurnAllocation> f = client.allocate();
    server.challenge(server.last(StunMethod.ALLOCATE), "n1");
    StunMessage signed = server.last(StunMethod.ALLOCATE);
    byte[] wrongKey = StunCredentials.longTermKey("alice", "squall", "guess");
    StunMessage forged =
        StunMessage.builder(
                signed.type().withClass(StunClass.SUCCESS_RESPONSE), signed.transactionId())
            .add(new XorRelayedAddress(new InetSocketAddress("203.0.113.66", 1)))
            .addMessageIntegrity(wrongKey)
            .build();
    server.deliver(forged);
    assertThat(f).isNotDone();
    server.scheduler.advance(Duration.ofMillis(600));
    assertThat(server.requests(StunMethod.ALLOCATE)).hasSize(3); // a retransmission
    server.allocated(signed, 600);
    assertThat(f.get().localAddress()).isEqualTo(ScriptedServer.RELAYED);
  }

  @Test
  void refreshesAMinuteBeforeTheLifetimeEnds() throws Exception {
    allocate(600);
    server.scheduler.advance(Duration.ofSeconds(539));
    assertThat(server.requests(StunMethod.REFRESH)).isEmpty();
    server.scheduler.advance(Duration.ofSeconds(1));
    StunMessage refresh = server.last(StunMethod.REFRESH);
    assertThat(refresh.attribute(Lifetime.class).orElseThrow().seconds()).isEqualTo(600);
    server.success(refresh, new Lifetime(100)); // a short lifetime: refreshed half-way
    server.scheduler.advance(Duration.ofSeconds(49));
    assertThat(server.requests(StunMethod.REFRESH)).hasSize(1);
    server.scheduler.advance(Duration.ofSeconds(1));
    assertThat(server.requests(StunMethod.REFRESH)).hasSize(2);
    server.success(server.last(StunMethod.REFRESH), new Lifetime(600));
    assertThat(client.stats().allocationRefreshes()).isEqualTo(2);
    assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);
  }

  @Test
  void anUnansweredRefreshIsRetriedWhileTheAllocationLives() throws Exception {
    TurnAllocation a = allocate(600);
    server.scheduler.advance(Duration.ofSeconds(540));
    // the first Refresh gets no answer: 7 transmissions, given up at 579.5 s; retried 10 s later
    server.scheduler.advance(Duration.ofMillis(39_500 + 10_000));
    List<StunMessage> refreshes = server.requests(StunMethod.REFRESH);
    assertThat(refreshes).hasSize(8);
    assertThat(refreshes.get(7).transactionId()).isNotEqualTo(refreshes.get(0).transactionId());
    server.success(refreshes.get(7), new Lifetime(600));
    assertThat(a.isClosed()).isFalse();
    assertThat(client.lifetime()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void aRefreshThatNeverGetsThroughLosesTheAllocation() throws Exception {
    TurnAllocation a = allocate(600);
    boolean[] closed = {false};
    a.onClose(() -> closed[0] = true);
    server.scheduler.advance(Duration.ofSeconds(599));
    assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);
    server.scheduler.advance(Duration.ofSeconds(1));
    assertThat(client.state()).isEqualTo(TurnClient.State.FAILED);
    assertThat(client.failure().isTimeout()).isTrue();
    assertThat(client.failure().getMessage()).contains("expired").contains("600 s");
    assertThat(a.isClosed()).isTrue();
    assertThat(closed[0]).isTrue();
    assertThat(a.failure()).isSameAs(client.failure());
  }

  @Test
  void anAllocationMismatchOnRefreshClosesTheRelayedTransport() throws Exception {
    TurnAllocation a = allocate(600);
    boolean[] closed = {false};
    a.onClose(() -> closed[0] = true);
    client.refresh();
    server.error(server.last(StunMethod.REFRESH), 437, "Allocation Mismatch");
    server.scheduler.runPending();
    assertThat(closed[0]).isTrue();
    assertThat(a.failure().code()).isEqualTo(437);
    assertThat(a.failure().getMessage()).contains("no longer knows the allocation");
  }

  @Test
  void closeDeletesTheAllocationWithLifetimeZero() throws Exception {
    TurnAllocation a = allocate(600);
    CompletableFuture<Void> deleted = client.close();
    assertThat(a.isClosed()).isTrue();
    StunMessage delete = server.last(StunMethod.REFRESH);
    assertThat(delete.attribute(Lifetime.class).orElseThrow().seconds()).isZero();
    assertThat(delete.verifyMessageIntegrity(server.key())).isTrue();
    assertThat(deleted).isNotDone();
    server.success(delete, new Lifetime(0));
    assertThat(deleted).isDone();
    assertThat(client.state()).isEqualTo(TurnClient.State.CLOSED);
    // no more refreshes
    server.scheduler.advance(Duration.ofSeconds(2000));
    assertThat(server.requests(StunMethod.REFRESH)).hasSize(1);
  }

  @Test
  void closingTheRelayedTransportDeletesTheAllocationToo() throws Exception {
    TurnAllocation a = allocate(600);
    a.close();
    assertThat(server.last(StunMethod.REFRESH).attribute(Lifetime.class).orElseThrow().seconds())
        .isZero();
    assertThat(client.state()).isEqualTo(TurnClient.State.CLOSED);
  }

  @Test
  void closingWhileAllocatingFailsTheFuture() {
    CompletableFuture<TurnAllocation> f = client.allocate();
    client.close();
    assertThat(failure(f).code()).isEqualTo(TurnException.CLOSED);
    assertThat(server.requests(StunMethod.REFRESH)).isEmpty();
  }

  @Test
  void garbageFromTheServerIsNotTaken() {
    Random r = new Random(9);
    client.allocate();
    for (int i = 0; i < 2000; i++) {
      byte[] junk = new byte[r.nextInt(80)];
      r.nextBytes(junk);
      client.handle(junk); // never throws
    }
    assertThat(client.handle(new byte[0])).isFalse();
    assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATING);
  }

  // ---- helpers ----

  TurnAllocation allocate(long lifetime) throws Exception {
    CompletableFuture<TurnAllocation> f = client.allocate();
    server.challenge(server.last(StunMethod.ALLOCATE), "nonce-1");
    server.allocated(server.last(StunMethod.ALLOCATE), lifetime);
    return f.get();
  }

  private TurnException refusal(int code, String reason) {
    ScriptedServer s = new ScriptedServer();
    TurnClient c = new TurnClient(s, TurnClientConfig.of("alice", "secret"));
    s.client = c;
    CompletableFuture<TurnAllocation> f = c.allocate();
    s.challenge(s.last(StunMethod.ALLOCATE), "n");
    s.error(s.last(StunMethod.ALLOCATE), code, reason);
    TurnException e = failure(f);
    assertThat(e.code()).isEqualTo(code);
    return e;
  }

  static TurnException failure(CompletableFuture<?> f) {
    assertThat(f).isCompletedExceptionally();
    try {
      f.get();
      throw new AssertionError("not failed");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(TurnException.class);
      return (TurnException) e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static int code(StunMessage m) {
    return m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }
}
