package dev.squall.ice;

import dev.squall.net.DatagramTransport;
import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunServerResult;
import dev.squall.testkit.Topology;
import dev.squall.util.VirtualScheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two agents on a vnet {@link Topology}, a STUN Binding server on the public server host, and an
 * in-process signalling channel (credentials at once, candidates and end-of-candidates after a
 * configurable delay).
 */
final class IceScenario {

  static final int STUN_PORT = 3478;

  final Topology topology;
  final VirtualScheduler scheduler;
  final IceAgent alice;
  final IceAgent bob;
  final Side aliceSide = new Side();
  final Side bobSide = new Side();
  Duration signallingDelay = Duration.ofMillis(30);
  boolean aliceSignalsCandidates = true;
  boolean bobSignalsCandidates = true;
  java.util.function.UnaryOperator<IceCandidate> bobRewrite = c -> c;

  /** What one side observed. */
  static final class Side {
    final List<IceConnectionState> states = new ArrayList<>();
    final List<byte[]> data = new ArrayList<>();
    final List<IceCandidate> candidates = new ArrayList<>();
    final List<IceCandidatePair> selected = new ArrayList<>();
    long failedAtNanos = -1;
  }

  IceScenario(Topology topology, IceRole aliceRole, IceRole bobRole, long seed) {
    this(topology, aliceRole, bobRole, seed, IceConfig.defaults());
  }

  IceScenario(Topology topology, IceRole aliceRole, IceRole bobRole, long seed, IceConfig base) {
    this.topology = topology;
    this.scheduler = topology.scheduler();
    DatagramTransport stun = topology.server().bind(STUN_PORT);
    StunBindingServer server = new StunBindingServer();
    stun.onReceive(
        (from, data) -> {
          StunServerResult r = server.handle(data, 0, data.length, from);
          if (r.response() != null) {
            stun.send(from, r.response());
          }
        });
    InetSocketAddress stunAddress = stun.localAddress();
    IceConfig config = base.withStunServers(List.of(stunAddress));
    alice =
        new IceAgent(
            scheduler,
            config.withRandom(new Random(seed)),
            aliceRole,
            List.of(topology.alice().bind(5000)));
    bob =
        new IceAgent(
            scheduler,
            config.withRandom(new Random(seed + 1)),
            bobRole,
            List.of(topology.bob().bind(6000)));
    wire(alice, aliceSide, bob, () -> aliceSignalsCandidates, c -> c);
    wire(bob, bobSide, alice, () -> bobSignalsCandidates, c -> bobRewrite.apply(c));
  }

  private void wire(
      IceAgent from,
      Side side,
      IceAgent to,
      java.util.function.BooleanSupplier signals,
      java.util.function.UnaryOperator<IceCandidate> rewrite) {
    from.onLocalCandidate(
        c -> {
          side.candidates.add(c);
          if (signals.getAsBoolean()) {
            later(() -> to.addRemoteCandidate(rewrite.apply(c)));
          }
        });
    from.onGatheringComplete(
        () -> {
          if (signals.getAsBoolean()) {
            later(to::endOfRemoteCandidates);
          }
        });
    from.onStateChange(
        s -> {
          side.states.add(s);
          if (s == IceConnectionState.FAILED) {
            side.failedAtNanos = scheduler.nanoTime();
          }
        });
    from.onData(side.data::add);
    from.onSelectedPair(side.selected::add);
  }

  private void later(Runnable r) {
    scheduler.schedule(signallingDelay, r);
  }

  /** Exchanges credentials and starts gathering on both sides. */
  IceScenario start() {
    alice.setRemoteCredentials(bob.localCredentials());
    bob.setRemoteCredentials(alice.localCredentials());
    alice.startGathering();
    bob.startGathering();
    return this;
  }

  /** ICE restart on both sides with a fresh credential exchange. */
  void restartBoth() {
    IceCredentials a = alice.restart();
    IceCredentials b = bob.restart();
    alice.setRemoteCredentials(b);
    bob.setRemoteCredentials(a);
  }

  boolean connected(IceAgent agent) {
    return agent.state() == IceConnectionState.CONNECTED
        || agent.state() == IceConnectionState.COMPLETED;
  }

  /** Runs until both sides are connected, or {@code limit} of virtual time. */
  boolean runUntilConnected(Duration limit) {
    return scheduler.runUntil(() -> connected(alice) && connected(bob), limit);
  }

  boolean runUntilBothFailed(Duration limit) {
    return scheduler.runUntil(
        () ->
            alice.state() == IceConnectionState.FAILED && bob.state() == IceConnectionState.FAILED,
        limit);
  }
}
