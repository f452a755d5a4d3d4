package dev.squall.turn.client;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.Data;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import dev.squall.turn.ChannelData;
import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one TURN allocation (RFC 8656), sans-I/O on the path's {@link Scheduler}.
 *
 * <p>{@link #allocate()} sends Allocate (REQUESTED-TRANSPORT UDP) with the long-term credential
 * dance of {@link TurnRequests} and completes with the {@link TurnAllocation}: the relayed
 * transport, a {@code DatagramTransport} whose datagrams go to peers through the server. The client
 * then keeps the allocation alive: Refresh a minute before the lifetime ends (half-way for
 * lifetimes under two minutes), permissions and channels refreshed by {@link Permissions} and
 * {@link Channels}. {@link #close()} deletes the allocation (Refresh with LIFETIME 0). When a
 * refresh fails (437: the server lost it; no response until it expired; another error) the
 * allocation fails: the relayed transport closes and {@link #failure()} says why.
 *
 * <p>The owner of the path's receiving side gives every message from the server to {@link #handle}:
 * STUN responses, Data indications and ChannelData. All methods run on the scheduler.
 */
public final class TurnClient {

  private static final Logger LOG = LoggerFactory.getLogger(TurnClient.class);

  /** Where the allocation is in its life. */
  public enum State {
    NEW,
    ALLOCATING,
    ALLOCATED,
    /** Deleted by {@link #close()}. */
    CLOSED,
    /** Refused, timed out or lost: see {@link #failure()}. */
    FAILED
  }

  private final TurnPath path;
  private final TurnClientConfig config;
  private final TurnRequests requests;
  private final Permissions permissions;
  private final Channels channels;
  final TurnClientStats.Counters stats = new TurnClientStats.Counters();
  private final CompletableFuture<TurnAllocation> allocated = new CompletableFuture<>();
  private State state = State.NEW;
  private TurnAllocation allocation;
  private TurnException failure;
  private long expiresAtNanos;
  private Duration lifetime = Duration.ZERO;
  private Cancellable refreshTimer = Cancellable.NONE;
  private Cancellable expiryTimer = Cancellable.NONE;
  private CompletableFuture<Void> deleted;

  public TurnClient(TurnPath path, TurnClientConfig config) {
    this.path = Objects.requireNonNull(path, "path");
    this.config = Objects.requireNonNull(config, "config");
    this.requests = new TurnRequests(path, config);
    this.permissions = new Permissions(this);
    this.channels = new Channels(this);
  }

  /**
   * Allocates (once: later calls return the same future). Completes with the relayed transport, or
   * fails with a {@link TurnException} saying why.
   */
  public CompletableFuture<TurnAllocation> allocate() {
    inScheduler();
    if (state == State.NEW) {
      state = State.ALLOCATING;
      requests
          .send(
              StunMethod.ALLOCATE,
              List.of(
                  new RequestedTransport(RequestedTransport.UDP),
                  new Lifetime(config.lifetime().toSeconds())))
          .whenComplete(
              (response, error) -> {
                if (error != null) {
                  fail((TurnException) Permissions.unwrap(error));
                } else {
                  allocated(response);
                }
              });
    }
    return allocated;
  }

  /**
   * A message from the server (a datagram from its address, or one framed stream message).
   *
   * @return true when it was a TURN message for this client (a response to one of its requests, a
   *     Data indication or ChannelData), consumed even if dropped; false for anything else (a
   *     Binding response for someone else, garbage), which the caller may pass on
   */
  public boolean handle(byte[] message) {
    inScheduler();
    if (message.length == 0) {
      return false;
    }
    if (ChannelData.looksLikeChannelData(message, 0, message.length)) {
      channelData(message);
      return true;
    }
    if ((message[0] & 0xC0) != 0) {
      return false;
    }
    StunMessage m;
    try {
      m = StunMessage.decode(message);
    } catch (StunException e) {
      return false;
    }
    if (m.messageClass().isResponse()) {
      return requests.handle(m);
    }
    if (m.messageClass() == StunClass.INDICATION && m.method().equals(StunMethod.DATA)) {
      dataIndication(m);
      return true;
    }
    return false;
  }

  public State state() {
    return state;
  }

  /** The path to the server. */
  public TurnPath path() {
    return path;
  }

  /** The relayed transport, once allocated. */
  public Optional<TurnAllocation> allocation() {
    return Optional.ofNullable(allocation);
  }

  /** Why the allocation failed (state FAILED), or null. */
  public TurnException failure() {
    return failure;
  }

  /** The lifetime the server granted last (zero before the allocation). */
  public Duration lifetime() {
    return lifetime;
  }

  public TurnClientStats stats() {
    return stats.snapshot();
  }

  /**
   * Deletes the allocation: the relayed transport closes at once and a Refresh with LIFETIME 0 goes
   * to the server. Idempotent.
   *
   * @return completes when the server confirmed the deletion, or when that request ended otherwise
   *     (no response, the allocation was already gone); at once when there was no allocation
   */
  public CompletableFuture<Void> close() {
    inScheduler();
    if (deleted != null) {
      return deleted;
    }
    deleted = new CompletableFuture<>();
    boolean hadAllocation = state == State.ALLOCATED;
    if (state == State.NEW || state == State.ALLOCATING || state == State.ALLOCATED) {
      state = State.CLOSED;
    }
    stopAll(new TurnException(TurnException.CLOSED, "the TURN client was closed"));
    if (hadAllocation && !path.isClosed()) {
      requests
          .send(StunMethod.REFRESH, List.of(new Lifetime(0)))
          .whenComplete((r, e) -> deleted.complete(null));
    } else {
      deleted.complete(null);
    }
    return deleted;
  }

  @Override
  public String toString() {
    return "TURN " + path + " (" + state.name().toLowerCase() + ")";
  }

  // ---- for TurnAllocation, Permissions and Channels ----

  TurnClientConfig config() {
    return config;
  }

  Scheduler scheduler() {
    return path.scheduler();
  }

  TurnRequests requests() {
    return requests;
  }

  Permissions permissions() {
    return permissions;
  }

  Channels channels() {
    return channels;
  }

  /** Sends {@code data} to {@code peer} now (the permission exists): ChannelData or Send. */
  void transmit(InetSocketAddress peer, byte[] data) {
    if (state != State.ALLOCATED) {
      return;
    }
    int channel = channels.boundChannel(peer);
    if (channel >= 0) {
      stats.channelDataSent++;
      path.send(ChannelData.encode(channel, data, 0, data.length, path.isStream()));
      return;
    }
    stats.sendIndications++;
    path.send(
        StunMessage.builder(
                new StunMessageType(StunMethod.SEND, StunClass.INDICATION),
                TransactionId.random(config.random()))
            .add(new XorPeerAddress(peer))
            .add(new Data(data))
            .build()
            .encode());
  }

  // ---- internals ----

  private void allocated(StunMessage response) {
    if (state != State.ALLOCATING) {
      return; // closed meanwhile
    }
    Optional<XorRelayedAddress> relayed = response.attribute(XorRelayedAddress.class);
    if (relayed.isEmpty()) {
      fail(
          new TurnException(
              TurnException.PROTOCOL,
              "TURN server "
                  + TurnRequests.format(path.server())
                  + " allocated without XOR-RELAYED-ADDRESS"));
      return;
    }
    InetSocketAddress mapped =
        response.attribute(XorMappedAddress.class).map(XorMappedAddress::address).orElse(null);
    state = State.ALLOCATED;
    allocation = new TurnAllocation(this, relayed.get().address(), mapped);
    granted(response);
    LOG.debug(
        "allocated {} on {} (mapped {}, lifetime {} s)",
        relayed.get().address(),
        path.server(),
        mapped,
        lifetime.toSeconds());
    allocated.complete(allocation);
  }

  /** Takes the lifetime of an Allocate or Refresh success and schedules the next refresh. */
  private void granted(StunMessage response) {
    long seconds =
        response
            .attribute(Lifetime.class)
            .map(Lifetime::seconds)
            .orElse(config.lifetime().toSeconds());
    lifetime = Duration.ofSeconds(seconds);
    expiresAtNanos = scheduler().nanoTime() + lifetime.toNanos();
    long refreshIn = seconds > 120 ? seconds - 60 : Math.max(1, seconds / 2);
    refreshTimer.cancel();
    refreshTimer = scheduler().schedule(Duration.ofSeconds(refreshIn), this::refresh);
    expiryTimer.cancel();
    expiryTimer =
        scheduler()
            .schedule(
                lifetime,
                () ->
                    fail(
                        new TurnException(
                            TurnException.TIMEOUT,
                            "the allocation on TURN server "
                                + TurnRequests.format(path.server())
                                + " expired: no Refresh was answered within its lifetime of "
                                + seconds
                                + " s")));
  }

  /**
   * Refreshes the allocation now (it is also refreshed by itself before it expires).
   *
   * @return the lifetime the server granted; fails when the allocation is not (or no longer) there
   */
  public CompletableFuture<Duration> refresh() {
    inScheduler();
    if (state != State.ALLOCATED) {
      return CompletableFuture.failedFuture(
          new TurnException(TurnException.CLOSED, "no allocation to refresh (" + state + ")"));
    }
    refreshTimer.cancel();
    CompletableFuture<Duration> result = new CompletableFuture<>();
    requests
        .send(StunMethod.REFRESH, List.of(new Lifetime(config.lifetime().toSeconds())))
        .whenComplete(
            (response, error) -> {
              if (state != State.ALLOCATED) {
                result.completeExceptionally(
                    new TurnException(TurnException.CLOSED, "the allocation closed"));
                return;
              }
              if (error == null) {
                stats.allocationRefreshes++;
                granted(response);
                result.complete(lifetime);
                return;
              }
              TurnException e = (TurnException) Permissions.unwrap(error);
              result.completeExceptionally(e);
              long retryAt = scheduler().nanoTime() + config.retryAfter().toNanos();
              if (e.isTimeout() && retryAt < expiresAtNanos) {
                refreshTimer = scheduler().schedule(config.retryAfter(), this::refresh);
              } else {
                fail(e);
              }
            });
    return result;
  }

  private void dataIndication(StunMessage m) {
    Optional<XorPeerAddress> peer = m.attribute(XorPeerAddress.class);
    Optional<Data> data = m.attribute(Data.class);
    if (state != State.ALLOCATED || peer.isEmpty() || data.isEmpty()) {
      stats.droppedMalformed++;
      return;
    }
    stats.dataIndicationsReceived++;
    allocation.received(peer.get().address(), data.get().value());
  }

  private void channelData(byte[] message) {
    int length = ChannelData.payloadLength(message, 0, message.length, false);
    InetSocketAddress peer = length < 0 ? null : channels.peerOf(ChannelData.channelOf(message, 0));
    if (state != State.ALLOCATED || peer == null) {
      stats.droppedMalformed++;
      return;
    }
    stats.channelDataReceived++;
    allocation.received(
        peer,
        Arrays.copyOfRange(message, ChannelData.HEADER_LENGTH, ChannelData.HEADER_LENGTH + length));
  }

  private void fail(TurnException e) {
    if (state == State.CLOSED || state == State.FAILED) {
      return;
    }
    boolean wasAllocated = state == State.ALLOCATED;
    state = State.FAILED;
    failure = e;
    if (wasAllocated) {
      LOG.info("TURN allocation {} lost: {}", allocation.localAddress(), e.getMessage());
    } else {
      LOG.debug("TURN allocation on {} failed: {}", path.server(), e.getMessage());
    }
    stopAll(e);
  }

  private void stopAll(TurnException e) {
    refreshTimer.cancel();
    expiryTimer.cancel();
    permissions.stop();
    channels.stop();
    requests.cancelAll();
    allocated.completeExceptionally(e);
    if (allocation != null) {
      allocation.closedByClient();
    }
  }

  private void inScheduler() {
    if (!path.scheduler().inScheduler()) {
      throw new IllegalStateException("TurnClient must be called on its scheduler");
    }
  }
}
