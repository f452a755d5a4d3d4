package dev.squall.turn.server.internal;

import java.net.InetSocketAddress;

/**
 * A channel binding (RFC 8656 §12): a channel number bound to a peer transport address until {@link
 * #expiresAt()} (refreshed by another ChannelBind for the same pair).
 */
public final class Channel {

  private final int number;
  private final InetSocketAddress peer;
  private long expiresAt;

  Channel(int number, InetSocketAddress peer, long expiresAt) {
    this.number = number;
    this.peer = peer;
    this.expiresAt = expiresAt;
  }

  public int number() {
    return number;
  }

  public InetSocketAddress peer() {
    return peer;
  }

  public long expiresAt() {
    return expiresAt;
  }

  void expiresAt(long nanos) {
    this.expiresAt = nanos;
  }
}
