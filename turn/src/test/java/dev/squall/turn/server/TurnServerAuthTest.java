package dev.squall.turn.server;

import static dev.squall.turn.server.FakeClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.MemoryHub;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.Username;
import dev.squall.turn.TurnRestCredentials;
import dev.squall.util.VirtualScheduler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The long-term credential mechanism (RFC 8489 §9.2, RFC 8656 §5) with static and REST users. */
class TurnServerAuthTest {

  private final TurnHarness h = new TurnHarness();
  private final FakeClient alice = h.client("198.51.100.10", 40000);

  @Test
  void aWrongPasswordIs401WithoutIntegrityAndIsCounted() {
    alice.as("alice", "wrong");

    StunMessage r = alice.allocate();

    assertThat(errorCode(r)).isEqualTo(401);
    assertThat(r.attribute(Realm.class)).isPresent();
    assertThat(r.attribute(Nonce.class)).isPresent();
    assertThat(r.attribute(MessageIntegrity.class)).isEmpty();
    assertThat(h.stats.authFailures()).isEqualTo(1);
    assertThat(h.server.allocationCount()).isZero();
  }

  @Test
  void anUnknownUserIs401AndCounted() {
    alice.as("mallory", "alice-pass");

    assertThat(errorCode(alice.allocate())).isEqualTo(401);
    assertThat(h.stats.authFailures()).isEqualTo(1);
  }

  @Test
  void integrityWithoutUsernameRealmOrNonceIs400() {
    alice.allocate(); // learn a nonce
    StunMessage noUser =
        FakeClient.decode(
            alice.exchange(
                alice
                    .builder(StunMethod.ALLOCATE)
                    .add(new RequestedTransport(17))
                    .add(new Realm("squall"))
                    .add(new Nonce(alice.nonce))
                    .addMessageIntegrity(alice.key())
                    .build()
                    .encode()));

    assertThat(errorCode(noUser)).isEqualTo(400);
    assertThat(noUser.attribute(MessageIntegrity.class)).isEmpty();
  }

  @Test
  void anExpiredNonceIs438WithAFreshNonceThatThenWorks() {
    alice.allocate(new Lifetime(3600));
    String oldNonce = alice.nonce;
    h.advance(Duration.ofSeconds(601));

    StunMessage stale = alice.refresh(3600);

    assertThat(errorCode(stale)).isEqualTo(438);
    String fresh = stale.attribute(Nonce.class).orElseThrow().value();
    assertThat(fresh).isNotEqualTo(oldNonce);
    assertThat(stale.attribute(Realm.class)).isPresent();
    assertThat(stale.verifyMessageIntegrity(alice.key())).isTrue();
    assertThat(h.stats.refusals(TurnStats.REASON_STALE_NONCE)).isEqualTo(1);

    alice.nonce = fresh;
    assertThat(alice.refresh(3600).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void aNonceIsStillGoodJustBeforeItsLifetime() {
    alice.allocate(new Lifetime(3600));
    h.advance(Duration.ofSeconds(598));

    assertThat(alice.refresh(3600).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void aForgedNonceOrOneIssuedToAnotherClientIs438() {
    alice.allocate();
    FakeClient bob = h.client("198.51.100.11", 40000).as("bob", "bob-pass");
    bob.nonce = alice.nonce; // issued for alice's address
    FakeClient carol = h.client("198.51.100.12", 40000).as("bob", "bob-pass");
    carol.nonce = "0-AAAAAAAAAAAAAAAAAAAA";

    assertThat(errorCode(bob.allocate())).isEqualTo(438);
    assertThat(errorCode(carol.allocate())).isEqualTo(438);
  }

  @Test
  void aNonceFromOneShardIsValidOnAnother() {
    alice.allocate();
    VirtualScheduler other = new VirtualScheduler();
    TurnServer shard2 = h.shard(other, new MemoryHub(other));
    FakeClient bobOnShard2 = h.client("198.51.100.10", 40001).as("bob", "bob-pass");
    bobOnShard2.nonce = alice.nonce; // same client IP, other port, other shard

    StunMessage r =
        FakeClient.decode(
            exchangeOn(
                shard2,
                bobOnShard2,
                bobOnShard2.signed(StunMethod.ALLOCATE, new RequestedTransport(17)).encode()));

    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(h.stats.allocationsActive()).isEqualTo(2);
  }

  @Test
  void restCredentialsAllocateUntilTheyExpire() {
    TurnRestCredentials rest = new TurnRestCredentials(TurnHarness.SECRET);
    TurnRestCredentials.Credential valid = rest.mint("carol", h.now().plusSeconds(3600));
    TurnRestCredentials.Credential expired = rest.mint("carol", h.now().minusSeconds(1));
    FakeClient c1 = h.client("198.51.100.20", 40000).as(valid.username(), valid.password());
    FakeClient c2 = h.client("198.51.100.21", 40000).as(expired.username(), expired.password());

    assertThat(c1.allocate().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(errorCode(c2.allocate())).isEqualTo(401);
    assertThat(h.stats.authFailures()).isEqualTo(1);
    assertThat(h.quotas.usedBy("carol")).isEqualTo(1);
  }

  @Test
  void aRestCredentialThatExpiresDuringTheAllocationCannotRefreshIt() {
    TurnRestCredentials rest = new TurnRestCredentials(TurnHarness.SECRET);
    TurnRestCredentials.Credential c = rest.mint("carol", h.now().plusSeconds(100));
    FakeClient client = h.client("198.51.100.20", 40000).as(c.username(), c.password());
    client.allocate();

    h.advance(Duration.ofSeconds(101));

    assertThat(errorCode(client.refresh(600))).isEqualTo(401);
  }

  @Test
  void aRestCredentialMintedWithAnotherSecretIs401() {
    TurnRestCredentials.Credential c =
        new TurnRestCredentials("not-the-secret").mint("carol", h.now().plusSeconds(3600));
    FakeClient client = h.client("198.51.100.20", 40000).as(c.username(), c.password());

    assertThat(errorCode(client.allocate())).isEqualTo(401);
    assertThat(h.stats.authFailures()).isEqualTo(1);
  }

  @Test
  void requestsOnAnAllocationWithOtherValidCredentialsAre441() {
    alice.allocate();
    alice.as("bob", "bob-pass");

    StunMessage r = alice.refresh(600);

    assertThat(errorCode(r)).isEqualTo(441);
    assertThat(r.verifyMessageIntegrity(alice.key())).isTrue();
    assertThat(h.stats.refusals(TurnStats.REASON_WRONG_CREDENTIALS)).isEqualTo(1);
  }

  @Test
  void aSha256ProtectedRequestGetsASha256ProtectedResponse() {
    alice.sha256 = true;

    StunMessage r = alice.allocate();

    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(r.attribute(MessageIntegritySha256.class)).isPresent();
    assertThat(r.attribute(MessageIntegrity.class)).isEmpty();
    assertThat(r.verifyIntegrity(alice.key())).isTrue();
  }

  @Test
  void aServerWithoutCredentialsRefusesEveryone() {
    TurnHarness none =
        new TurnHarness(TurnHarness.defaultConfig().withUsers(Map.of()).withRestCredentials(null));
    FakeClient c = none.client("198.51.100.10", 40000);

    assertThat(errorCode(c.allocate())).isEqualTo(401);
    assertThat(none.server.allocationCount()).isZero();
  }

  @Test
  void theUsernameIsTakenAsSent() {
    alice.allocate();
    StunMessage r =
        FakeClient.decode(
            alice.exchange(
                alice
                    .builder(StunMethod.REFRESH)
                    .add(new Username("ALICE"))
                    .add(new Realm("squall"))
                    .add(new Nonce(alice.nonce))
                    .addMessageIntegrity(alice.key())
                    .build()
                    .encode()));

    assertThat(errorCode(r)).isEqualTo(401);
  }

  private static byte[] exchangeOn(TurnServer server, FakeClient c, byte[] bytes) {
    int before = c.received.size();
    server.handle(c, bytes);
    return c.received.size() > before ? c.received.get(c.received.size() - 1) : null;
  }
}
