package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.net.MemoryHub;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.IceControlled;
import dev.squall.stun.attribute.IceControlling;
import dev.squall.stun.attribute.Priority;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.util.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incoming checks as a peer (a browser) sends them, answered by the agent (RFC 8445 §7.3). */
class ResponderTest {

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final List<StunMessage> replies = new ArrayList<>();
  private final IceCredentials peer = new IceCredentials("peer", "peerpasswordpeerpassword");
  private DatagramTransport peerSide;
  private DatagramTransport agentSide;
  private IceAgent agent;

  @BeforeEach
  void setUp() {
    DatagramTransport[] pair = MemoryHub.pair(scheduler);
    agent =
        new IceAgent(
            scheduler,
            IceConfig.defaults().withRandom(new Random(1)),
            IceRole.CONTROLLED,
            List.of(pair[0]));
    agentSide = pair[0];
    peerSide = pair[1];
    peerSide.onReceive(
        (from, data) -> {
          try {
            replies.add(StunMessage.decode(data));
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  private StunMessage request(String username, String pwd, boolean controlling, long tieBreaker) {
    var b =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random(new Random(2)))
            .add(new Username(username))
            .add(new Priority(1853824767L));
    b.add(controlling ? new IceControlling(tieBreaker) : new IceControlled(tieBreaker));
    return b.addMessageIntegrity(StunCredentials.shortTermKey(pwd)).addFingerprint().build();
  }

  private StunMessage roundTrip(StunMessage request) {
    peerSide.send(agentSide.localAddress(), request.encode());
    scheduler.runPending();
    scheduler.advance(java.time.Duration.ofMillis(1));
    assertThat(replies).isNotEmpty();
    return replies.remove(replies.size() - 1);
  }

  @Test
  void answersAValidCheckWithIntegrityAndLearnsThePeerReflexiveSource() {
    IceCredentials local = agent.localCredentials();
    StunMessage response = roundTrip(request(local.ufrag() + ":peer", local.pwd(), true, 5));
    assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(response.verifyIntegrity(StunCredentials.shortTermKey(local.pwd()))).isTrue();
    assertThat(response.verifyFingerprint()).isTrue();
    assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(peerSide.localAddress());

    // once it knows the peer's credentials it checks the learned address back (triggered check)
    agent.setRemoteCredentials(peer);
    scheduler.advance(java.time.Duration.ofMillis(100));
    StunMessage check =
        replies.stream()
            .filter(m -> m.messageClass() == StunClass.REQUEST)
            .findFirst()
            .orElseThrow();
    assertThat(check.attribute(Username.class).orElseThrow().value())
        .isEqualTo("peer:" + local.ufrag());
    assertThat(check.verifyIntegrity(StunCredentials.shortTermKey(peer.pwd()))).isTrue();
    assertThat(check.attribute(IceControlled.class)).isPresent();
  }

  @Test
  void rejectsWrongPasswordUnknownUfragAndMissingUsername() {
    IceCredentials local = agent.localCredentials();
    StunMessage bad =
        roundTrip(request(local.ufrag() + ":peer", "wrongwrongwrongwrongwrong", true, 5));
    assertThat(bad.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(401);
    StunMessage unknown = roundTrip(request("nobody:peer", local.pwd(), true, 5));
    assertThat(unknown.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(401);
    StunMessage bare =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random(new Random(3)))
            .addMessageIntegrity(StunCredentials.shortTermKey(local.pwd()))
            .addFingerprint()
            .build();
    assertThat(roundTrip(bare).attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(400);
    assertThat(agent.state()).isEqualTo(IceConnectionState.NEW);
  }

  @Test
  void roleConflictByTieBreaker() {
    IceCredentials local = agent.localCredentials();
    // both controlled: the larger tie-breaker takes the controlling role (§7.3.1.1). Against the
    // largest possible value we keep ours and tell the peer to switch with 487
    StunMessage conflict = roundTrip(request(local.ufrag() + ":peer", local.pwd(), false, -1L));
    assertThat(conflict.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(487);
    assertThat(conflict.verifyIntegrity(StunCredentials.shortTermKey(local.pwd()))).isTrue();
    assertThat(agent.role()).isEqualTo(IceRole.CONTROLLED);
    // a controlled peer with the lowest tie-breaker: we take the controlling role and answer
    StunMessage ok = roundTrip(request(local.ufrag() + ":peer", local.pwd(), false, 0L));
    assertThat(ok.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(agent.role()).isEqualTo(IceRole.CONTROLLING);
  }
}
