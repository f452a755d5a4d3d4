package dev.squall.turn.server;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * The relay ports of one server, shared by all its shards: which ports of the configured range are
 * held by a relay socket of this server. A shard takes a free port before binding it, so shards
 * never race each other for a port and a bind only fails for a port another process holds. Ports
 * are picked at random (RFC 8656 §7.2, RFC 6056): a random start, then the next free port. Thread
 * safe (one short lock per take or release).
 */
public final class RelayPortPool {

  private final int min;
  private final int max;
  private final BitSet taken;
  private int inUse;

  /**
   * @param min the lowest relay port
   * @param max the highest relay port (at least {@code min})
   */
  public RelayPortPool(int min, int max) {
    if (min < 1 || max > 65535 || min > max) {
      throw new IllegalArgumentException("bad relay port range " + min + "-" + max);
    }
    this.min = min;
    this.max = max;
    this.taken = new BitSet(max - min + 1);
  }

  /** A pool over the config's relay port range. */
  public RelayPortPool(TurnServerConfig config) {
    this(config.relayPortMin(), config.relayPortMax());
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** Takes a free port chosen at random; -1 when every port is taken. */
  public synchronized int take(RandomGenerator random) {
    int size = max - min + 1;
    if (inUse >= size) {
      return -1;
    }
    int start = random.nextInt(size);
    int i = taken.nextClearBit(start);
    if (i >= size) {
      i = taken.nextClearBit(0);
    }
    taken.set(i);
    inUse++;
    return min + i;
  }

  /**
   * Takes a free even port chosen at random, and with {@code pair} the odd port above it too; -1
   * when there is none.
   */
  public synchronized int takeEven(RandomGenerator random, boolean pair) {
    int first = (min + 1) & ~1;
    int last = pair ? (max - 1) & ~1 : max & ~1;
    if (first > last) {
      return -1;
    }
    int choices = (last - first) / 2 + 1;
    int start = random.nextInt(choices);
    for (int n = 0; n < choices; n++) {
      int port = first + 2 * ((start + n) % choices);
      if (!taken.get(port - min) && (!pair || !taken.get(port + 1 - min))) {
        taken.set(port - min);
        inUse++;
        if (pair) {
          taken.set(port + 1 - min);
          inUse++;
        }
        return port;
      }
    }
    return -1;
  }

  /**
   * Gives a port back (its socket closed, or its bind failed). Ports outside the range are ignored.
   */
  public synchronized void release(int port) {
    if (port < min || port > max || !taken.get(port - min)) {
      return;
    }
    taken.clear(port - min);
    inUse--;
  }

  /** Ports held now. */
  public synchronized int inUse() {
    return inUse;
  }
}
