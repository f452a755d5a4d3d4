package dev.squall.peer;

import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsConfig;
import dev.squall.ice.IceConfig;
import dev.squall.ice.IceConnectionState;
import dev.squall.net.DatagramTransport;
import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunServerResult;
import dev.squall.vnet.Host;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.NatBehavior;
import dev.squall.vnet.Router;
import dev.squall.vnet.VirtualNetwork;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Two {@link PeerConnection}s on a virtual network: alice and bob each public or behind a NAT, a
 * STUN Binding server on a public host, and in-process signalling (each message delivered {@link
 * #SIGNALLING_DELAY} later). Alice offers, bob answers. Everything runs on one {@link
 * DrivenScheduler}; DTLS handshakes run on their own threads in real time meanwhile.
 */
final class VnetPeers implements AutoCloseable {

  static final Duration SIGNALLING_DELAY = Duration.ofMillis(30);
  static final int STUN_PORT = 3478;

  /** Generated once: certificate generation costs more than a whole scenario. */
  static final DtlsCertificate ALICE_CERT = DtlsCertificate.generate();

  static final DtlsCertificate BOB_CERT = DtlsCertificate.generate();

  final DrivenScheduler scheduler = new DrivenScheduler();
  final VirtualNetwork network;
  final Host server;
  final Host aliceHost;
  final Host bobHost;
  final Router aliceNat;
  final Router bobNat;
  final Side alice;
  final Side bob;

  /** One peer and what it observed. */
  static final class Side {
    final PeerConnection pc;
    final List<PeerConnectionState> states = new ArrayList<>();
    final List<IceConnectionState> iceStates = new ArrayList<>();
    final List<byte[]> datagrams = new ArrayList<>();
    final List<IceCandidateInit> candidates = new ArrayList<>();

    Side(PeerConnection pc) {
      this.pc = pc;
      pc.onConnectionStateChange(states::add);
      pc.onIceConnectionStateChange(iceStates::add);
      pc.onDatagram(datagrams::add);
      pc.onIceCandidate(candidates::add);
    }

    boolean connected() {
      return pc.connectionState() == PeerConnectionState.CONNECTED;
    }
  }

  VnetPeers(NatBehavior aliceBehavior, NatBehavior bobBehavior, LinkConditions access, long seed) {
    this(aliceBehavior, bobBehavior, access, seed, DtlsConfig.defaults());
  }

  VnetPeers(
      NatBehavior aliceBehavior,
      NatBehavior bobBehavior,
      LinkConditions access,
      long seed,
      DtlsConfig dtls) {
    network = new VirtualNetwork(scheduler, seed);
    server = network.addPublicHost("server");
    aliceNat = aliceBehavior == null ? null : network.addNat("aliceNat", aliceBehavior);
    aliceHost = aliceNat == null ? network.addPublicHost("alice") : aliceNat.addHost("alice");
    bobNat = bobBehavior == null ? null : network.addNat("bobNat", bobBehavior);
    bobHost = bobNat == null ? network.addPublicHost("bob") : bobNat.addHost("bob");
    aliceHost.link().setConditions(access);
    bobHost.link().setConditions(access);
    InetSocketAddress stun = startStunServer(server.bind(STUN_PORT));
    IceConfig ice = IceConfig.defaults().withStunServers(List.of(stun));
    DtlsConfig data = dtls.withSrtpProfiles(List.of());
    alice = new Side(peer(aliceHost, ice.withRandom(new Random(seed)), data, ALICE_CERT));
    bob = new Side(peer(bobHost, ice.withRandom(new Random(seed + 1)), data, BOB_CERT));
  }

  private PeerConnection peer(Host host, IceConfig ice, DtlsConfig dtls, DtlsCertificate cert) {
    PeerConfiguration config =
        PeerConfiguration.defaults()
            .withIce(ice)
            .withDtls(dtls)
            .withCertificate(cert)
            .withRawDatagrams(true);
    return new PeerConnection(scheduler, config, List.of(host.bind(5000)));
  }

  private static InetSocketAddress startStunServer(DatagramTransport transport) {
    StunBindingServer stun = new StunBindingServer();
    transport.onReceive(
        (from, data) -> {
          StunServerResult r = stun.handle(data, 0, data.length, from);
          if (r.response() != null) {
            transport.send(from, r.response());
          }
        });
    return transport.localAddress();
  }

  /** Offer/answer and trickle between alice and bob, unchanged. */
  VnetPeers negotiate() {
    return negotiate(UnaryOperator.identity());
  }

  /** Offer/answer and trickle; {@code answerRewrite} may alter bob's answer on its way to alice. */
  VnetPeers negotiate(UnaryOperator<String> answerRewrite) {
    relayCandidates(alice, bob);
    relayCandidates(bob, alice);
    Description offer = alice.pc.createOffer().join();
    alice.pc.setLocalDescription(offer).join();
    later(
        () -> {
          bob.pc.setRemoteDescription(offer).join();
          Description answer = bob.pc.createAnswer().join();
          String text = answerRewrite.apply(answer.sdpText());
          bob.pc
              .setLocalDescription(answer)
              .thenRun(() -> later(() -> alice.pc.setRemoteDescription(parse(text)).join()))
              .join();
        });
    return this;
  }

  private void relayCandidates(Side from, Side to) {
    from.pc.onIceCandidate(c -> later(() -> to.pc.addIceCandidate(c).join()));
  }

  private void later(Runnable task) {
    scheduler.schedule(SIGNALLING_DELAY, task);
  }

  private static Description parse(String answer) {
    try {
      return Description.answer(answer);
    } catch (dev.squall.sdp.SdpParseException e) {
      throw new AssertionError(e);
    }
  }

  /** Runs until both are connected (virtual and real time bounded). */
  boolean runUntilConnected(Duration virtualLimit, Duration realLimit) {
    return runUntil(() -> alice.connected() && bob.connected(), virtualLimit, realLimit);
  }

  boolean runUntilBothFailed(Duration virtualLimit, Duration realLimit) {
    return runUntil(
        () ->
            alice.pc.connectionState() == PeerConnectionState.FAILED
                && bob.pc.connectionState() == PeerConnectionState.FAILED,
        virtualLimit,
        realLimit);
  }

  /** Runs until {@code condition}, pacing virtual time while a DTLS handshake runs. */
  boolean runUntil(
      java.util.function.BooleanSupplier condition, Duration virtualLimit, Duration realLimit) {
    return scheduler.runUntil(
        condition, () -> handshaking(alice) || handshaking(bob), virtualLimit, realLimit);
  }

  private static boolean handshaking(Side side) {
    return side.pc.dtlsState() == dev.squall.dtls.DtlsState.CONNECTING;
  }

  @Override
  public void close() {
    alice.pc.close();
    bob.pc.close();
    scheduler.advance(Duration.ofMillis(100));
  }
}
