package dev.squall.testkit;

import dev.squall.util.VirtualScheduler;
import dev.squall.vnet.Host;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.NatBehavior;
import dev.squall.vnet.Router;
import dev.squall.vnet.VirtualNetwork;
import java.time.Duration;
import java.util.Objects;

/**
 * The common scenario topology: two peers, {@code alice} and {@code bob}, each behind its own NAT
 * (or public), plus a public {@code server} host for STUN/TURN or signaling, all on one {@link
 * VirtualNetwork} driven by a fresh {@link VirtualScheduler}.
 *
 * <pre>{@code
 * Topology t = Topology.builder()
 *     .alice(NatBehavior.PORT_RESTRICTED_CONE).bob(NatBehavior.SYMMETRIC)
 *     .accessLinks(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)))
 *     .seed(42).build();
 * DatagramTransport a = t.alice().bind(5000);
 * }</pre>
 */
public final class Topology {

  private final VirtualScheduler scheduler;
  private final VirtualNetwork network;
  private final Host alice;
  private final Host bob;
  private final Host server;
  private final Router aliceNat;
  private final Router bobNat;

  private Topology(Builder b) {
    scheduler = new VirtualScheduler();
    network = new VirtualNetwork(scheduler, b.seed);
    server = network.addPublicHost("server");
    aliceNat = b.aliceNat == null ? null : network.addNat("aliceNat", b.aliceNat);
    alice = aliceNat == null ? network.addPublicHost("alice") : aliceNat.addHost("alice");
    bobNat = b.bobNat == null ? null : network.addNat("bobNat", b.bobNat);
    bob = bobNat == null ? network.addPublicHost("bob") : bobNat.addHost("bob");
    for (Host h : new Host[] {alice, bob}) {
      h.link().setConditions(b.accessLinks);
    }
    for (Router r : new Router[] {aliceNat, bobNat}) {
      if (r != null) {
        r.uplink().setConditions(b.wanLinks);
      }
    }
    server.link().setConditions(b.wanLinks);
  }

  /** Alice behind {@code aliceNat}, bob behind {@code bobNat}, perfect links. */
  public static Topology twoPeers(NatBehavior aliceNat, NatBehavior bobNat, long seed) {
    return builder().alice(aliceNat).bob(bobNat).seed(seed).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public VirtualScheduler scheduler() {
    return scheduler;
  }

  public VirtualNetwork network() {
    return network;
  }

  public Host alice() {
    return alice;
  }

  public Host bob() {
    return bob;
  }

  /** A host with a public address, for STUN, TURN or signaling servers. */
  public Host server() {
    return server;
  }

  /** Alice's NAT, or null when alice is public. */
  public Router aliceNat() {
    return aliceNat;
  }

  /** Bob's NAT, or null when bob is public. */
  public Router bobNat() {
    return bobNat;
  }

  /** Runs the scenario for {@code duration} of virtual time. */
  public void run(Duration duration) {
    scheduler.advance(duration);
  }

  /** Runs until nothing is scheduled (bounded by the scheduler's task budget). */
  public void runUntilIdle() {
    scheduler.runUntilIdle();
  }

  /** Builds a {@link Topology}. Defaults: both peers public, perfect links, seed 1. */
  public static final class Builder {
    private NatBehavior aliceNat;
    private NatBehavior bobNat;
    private LinkConditions accessLinks = LinkConditions.PERFECT;
    private LinkConditions wanLinks = LinkConditions.PERFECT;
    private long seed = 1;

    private Builder() {}

    /** Puts alice behind a NAT with {@code behavior}. */
    public Builder alice(NatBehavior behavior) {
      this.aliceNat = Objects.requireNonNull(behavior, "behavior");
      return this;
    }

    /** Puts bob behind a NAT with {@code behavior}. */
    public Builder bob(NatBehavior behavior) {
      this.bobNat = Objects.requireNonNull(behavior, "behavior");
      return this;
    }

    /** Conditions of the peers' links to their routers (both directions). */
    public Builder accessLinks(LinkConditions conditions) {
      this.accessLinks = Objects.requireNonNull(conditions, "conditions");
      return this;
    }

    /** Conditions of the NATs' and the server's links to the WAN (both directions). */
    public Builder wanLinks(LinkConditions conditions) {
      this.wanLinks = Objects.requireNonNull(conditions, "conditions");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Topology build() {
      return new Topology(this);
    }
  }
}
