package dev.squall.vnet;

import java.util.function.Consumer;

/**
 * The wire between a host (or a NAT's outside interface) and the router above it: two independent
 * {@link Pipe}s, {@link #up()} toward the router and {@link #down()} toward the host.
 */
public final class Link {

  private final String name;
  private final Pipe up;
  private final Pipe down;

  Link(String name, VirtualNetwork network, Consumer<Packet> router, Consumer<Packet> node) {
    this.name = name;
    this.up = new Pipe(name + ".up", network, router);
    this.down = new Pipe(name + ".down", network, node);
  }

  public String name() {
    return name;
  }

  /** Packets from the host or NAT toward its router. */
  public Pipe up() {
    return up;
  }

  /** Packets from the router toward the host or NAT. */
  public Pipe down() {
    return down;
  }

  /** Sets the same conditions on both directions. */
  public Link setConditions(LinkConditions conditions) {
    up.setConditions(conditions);
    down.setConditions(conditions);
    return this;
  }

  @Override
  public String toString() {
    return up + "; " + down;
  }
}
