package dev.squall.vnet.internal;

import dev.squall.util.Clock;
import dev.squall.vnet.EndpointDependence;
import dev.squall.vnet.NatBehavior;
import dev.squall.vnet.NatMapping;
import dev.squall.vnet.PortAssignment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The translation table of one NAT (RFC 4787): creates mappings for outbound packets, reuses them
 * according to the mapping behaviour, admits inbound packets according to the filtering behaviour,
 * and lets mappings lapse {@code mappingTimeout} after their last refresh. Expiry is evaluated
 * lazily against the clock, so the table never schedules tasks. One external port belongs to one
 * mapping at a time (no port overloading).
 */
public final class NatTable {

  /** First port of the dynamic range used for new external ports. */
  public static final int FIRST_DYNAMIC_PORT = 49152;

  private final NatBehavior behavior;
  private final InetAddress externalIp;
  private final Clock clock;
  private final Random random;
  private final Map<Key, Entry> byKey = new HashMap<>();
  private final Map<Integer, Entry> byPort = new HashMap<>();
  private int nextPort = FIRST_DYNAMIC_PORT;

  public NatTable(NatBehavior behavior, InetAddress externalIp, Clock clock, Random random) {
    this.behavior = behavior;
    this.externalIp = externalIp;
    this.clock = clock;
    this.random = random;
  }

  /** Why an inbound packet has no inside destination. */
  public enum Refusal {
    NO_MAPPING,
    FILTERED
  }

  /**
   * The outcome of an inbound lookup: the inside destination, or (when {@code internal} is null)
   * the refusal.
   */
  public record Inbound(InetSocketAddress internal, Refusal refusal) {}

  /**
   * Translates the source of an outbound packet from {@code internal} to {@code remote}: finds or
   * creates the mapping, records {@code remote} as contacted, refreshes the mapping.
   *
   * @return the external source address, or null when no external port is free
   */
  public InetSocketAddress outbound(InetSocketAddress internal, InetSocketAddress remote) {
    long now = clock.nanoTime();
    Key key = Key.of(behavior.mapping(), internal, remote);
    Entry entry = byKey.get(key);
    if (entry != null && entry.expired(now)) {
      remove(entry);
      entry = null;
    }
    if (entry == null) {
      int port = allocate(internal.getPort(), now);
      if (port < 0) {
        return null;
      }
      entry = new Entry(key, internal, port);
      byKey.put(key, entry);
      byPort.put(port, entry);
    }
    entry.permittedIps.add(remote.getAddress());
    entry.permittedEndpoints.add(remote);
    entry.expiresAt = now + behavior.mappingTimeout().toNanos();
    return new InetSocketAddress(externalIp, entry.externalPort);
  }

  /** Looks up the inside destination of a packet from {@code remote} to {@code externalPort}. */
  public Inbound inbound(int externalPort, InetSocketAddress remote) {
    long now = clock.nanoTime();
    Entry entry = byPort.get(externalPort);
    if (entry != null && entry.expired(now)) {
      remove(entry);
      entry = null;
    }
    if (entry == null) {
      return new Inbound(null, Refusal.NO_MAPPING);
    }
    boolean admitted =
        switch (behavior.filtering()) {
          case INDEPENDENT -> true;
          case ADDRESS -> entry.permittedIps.contains(remote.getAddress());
          case ADDRESS_AND_PORT -> entry.permittedEndpoints.contains(remote);
        };
    if (!admitted) {
      return new Inbound(null, Refusal.FILTERED);
    }
    if (behavior.inboundRefresh()) {
      entry.expiresAt = now + behavior.mappingTimeout().toNanos();
    }
    return new Inbound(entry.internal, null);
  }

  /** The live mappings, in external port order; lapsed ones are removed. */
  public List<NatMapping> mappings() {
    long now = clock.nanoTime();
    List<NatMapping> live = new ArrayList<>();
    for (Entry e : new ArrayList<>(byPort.values())) {
      if (e.expired(now)) {
        remove(e);
      } else {
        live.add(
            new NatMapping(
                e.internal, new InetSocketAddress(externalIp, e.externalPort), e.expiresAt));
      }
    }
    live.sort((a, b) -> Integer.compare(a.external().getPort(), b.external().getPort()));
    return live;
  }

  private int allocate(int preferred, long now) {
    if (behavior.portAssignment() == PortAssignment.PRESERVE && isFree(preferred, now)) {
      return preferred;
    }
    int span = 65536 - FIRST_DYNAMIC_PORT;
    if (behavior.portAssignment() == PortAssignment.RANDOM) {
      for (int i = 0; i < 64; i++) {
        int port = FIRST_DYNAMIC_PORT + random.nextInt(span);
        if (isFree(port, now)) {
          return port;
        }
      }
    }
    for (int i = 0; i < span; i++) {
      int port = nextPort;
      nextPort = port == 65535 ? FIRST_DYNAMIC_PORT : port + 1;
      if (isFree(port, now)) {
        return port;
      }
    }
    return -1;
  }

  private boolean isFree(int port, long now) {
    Entry holder = byPort.get(port);
    if (holder == null) {
      return true;
    }
    if (holder.expired(now)) {
      remove(holder);
      return true;
    }
    return false;
  }

  private void remove(Entry entry) {
    byKey.remove(entry.key, entry);
    byPort.remove(entry.externalPort, entry);
  }

  /**
   * What makes two outbound flows share a mapping: the inside endpoint plus what the mapping
   * behaviour says of the remote one.
   */
  private record Key(InetSocketAddress internal, InetAddress remoteIp, int remotePort) {
    static Key of(
        EndpointDependence mapping, InetSocketAddress internal, InetSocketAddress remote) {
      return switch (mapping) {
        case INDEPENDENT -> new Key(internal, null, -1);
        case ADDRESS -> new Key(internal, remote.getAddress(), -1);
        case ADDRESS_AND_PORT -> new Key(internal, remote.getAddress(), remote.getPort());
      };
    }
  }

  private static final class Entry {
    final Key key;
    final InetSocketAddress internal;
    final int externalPort;
    final Set<InetAddress> permittedIps = new HashSet<>();
    final Set<InetSocketAddress> permittedEndpoints = new HashSet<>();
    long expiresAt;

    Entry(Key key, InetSocketAddress internal, int externalPort) {
      this.key = key;
      this.internal = internal;
      this.externalPort = externalPort;
    }

    boolean expired(long now) {
      return now >= expiresAt;
    }
  }
}
