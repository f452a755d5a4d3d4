package dev.squall.turn.client;

import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.util.Cancellable;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The channel bindings of one allocation (RFC 8656 §12): {@link #bind} picks the next free channel
 * number (0x4000 up, never reused) and sends ChannelBind; once the server confirms, data to that
 * peer goes as ChannelData with a 4-byte header instead of a 36-byte Send indication. ChannelData
 * from the server is accepted on a number as soon as it was asked for. Each binding is refreshed
 * every {@code channelRefresh} (default 540 s, under the 600 s lifetime); a refresh without
 * response is retried after {@code retryAfter}; a refused bind or refresh drops the binding and
 * data falls back to Send indications.
 */
final class Channels {

  /** A channel binding's lifetime on the server (RFC 8656 §12: 600 s). */
  static final java.time.Duration LIFETIME = java.time.Duration.ofSeconds(600);

  private static final class Binding {
    final int number;
    final InetSocketAddress peer;
    final CompletableFuture<Integer> future = new CompletableFuture<>();
    boolean bound;
    long boundAtNanos;
    Cancellable timer = Cancellable.NONE;

    Binding(int number, InetSocketAddress peer) {
      this.number = number;
      this.peer = peer;
    }
  }

  private final TurnClient client;
  private final Map<InetSocketAddress, Binding> byPeer = new HashMap<>();
  private final Map<Integer, Binding> byNumber = new HashMap<>();
  private int next = ChannelNumber.MIN;
  private boolean stopped;

  Channels(TurnClient client) {
    this.client = client;
  }

  /** Binds a channel to {@code peer} (once); completes with its number when the server agreed. */
  CompletableFuture<Integer> bind(InetSocketAddress peer) {
    Binding existing = byPeer.get(peer);
    if (existing != null) {
      return existing.future.copy();
    }
    if (next > ChannelNumber.MAX) {
      return CompletableFuture.failedFuture(
          new TurnException(TurnException.PROTOCOL, "all 4096 channel numbers are used"));
    }
    Binding b = new Binding(next++, peer);
    byPeer.put(peer, b);
    byNumber.put(b.number, b);
    request(b, false);
    return b.future.copy();
  }

  /** The bound channel number for {@code peer}, or -1. */
  int boundChannel(InetSocketAddress peer) {
    Binding b = byPeer.get(peer);
    return b != null && b.bound ? b.number : -1;
  }

  /** The peer of a channel bound or being bound, or null. */
  InetSocketAddress peerOf(int channel) {
    Binding b = byNumber.get(channel);
    return b == null ? null : b.peer;
  }

  int boundCount() {
    return (int) byPeer.values().stream().filter(b -> b.bound).count();
  }

  void stop() {
    stopped = true;
    for (Binding b : List.copyOf(byPeer.values())) {
      b.timer.cancel();
      b.future.completeExceptionally(
          new TurnException(TurnException.CLOSED, "the allocation closed"));
    }
  }

  private void request(Binding b, boolean refresh) {
    client.stats.channelBindRequests++;
    client
        .requests()
        .send(
            StunMethod.CHANNEL_BIND,
            List.of(new ChannelNumber(b.number), new XorPeerAddress(b.peer)))
        .whenComplete(
            (response, error) -> {
              if (stopped || byNumber.get(b.number) != b) {
                return;
              }
              if (error == null) {
                b.bound = true;
                b.boundAtNanos = client.scheduler().nanoTime();
                b.future.complete(b.number);
                b.timer =
                    client
                        .scheduler()
                        .schedule(client.config().channelRefresh(), () -> request(b, true));
              } else {
                failed(b, refresh, (TurnException) Permissions.unwrap(error));
              }
            });
  }

  private void failed(Binding b, boolean refresh, TurnException error) {
    if (error.code() == TurnException.CLOSED) {
      return;
    }
    long age = client.scheduler().nanoTime() - b.boundAtNanos;
    long retry = client.config().retryAfter().toNanos();
    if (refresh && error.isTimeout() && age + retry < LIFETIME.toNanos()) {
      b.timer = client.scheduler().schedule(client.config().retryAfter(), () -> request(b, true));
      return;
    }
    byPeer.remove(b.peer);
    byNumber.remove(b.number);
    b.bound = false;
    b.future.completeExceptionally(error);
  }
}
