package dev.squall.datachannel;

import dev.squall.sctp.Reliability;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One WebRTC DataChannel (RFC 8831), shaped like the W3C {@code RTCDataChannel}. Created by {@link
 * DataChannelManager#createDataChannel} or announced by {@link DataChannelManager#onDataChannel}.
 *
 * <p>Threads: every method may be called from any thread. {@link #send} never blocks: it checks the
 * state and size at once, then hands the message to the protocol loop. Listeners run on the
 * manager's callback executor, one at a time and in order; a listener added inside {@code
 * onDataChannel} sees every message of the channel. Open and close are states, not just moments: an
 * {@link #onOpen} or {@link #onClose} listener added after that event was delivered still runs,
 * once, on the callback executor. So a listener added right after {@code createDataChannel} returns
 * sees the open even when the callback thread delivered it first (a channel created on an
 * established association opens without waiting for the network). {@link #bufferedAmount()} is
 * exact on the protocol loop and a close, never-too-low estimate elsewhere.
 */
public final class DataChannel {

  private final DataChannelManager manager;
  private final String label;
  private final String protocol;
  private final boolean ordered;
  private final Integer maxRetransmits;
  private final Integer maxPacketLifeTime;
  private final boolean negotiated;
  private final List<Once> openListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<DataChannelMessage>> messageListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> lowListeners = new CopyOnWriteArrayList<>();
  private final List<Once> closeListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong inFlightToLoop = new AtomicLong();
  private volatile int id;
  private volatile DataChannelState state = DataChannelState.CONNECTING;
  private volatile long lowThreshold;
  // set on the callback executor when the open/close event is delivered
  private volatile boolean openDelivered;
  private volatile boolean closeDelivered;
  private volatile long sctpBuffered;
  // written on the protocol loop only, read from any thread
  private volatile long messagesSent;
  private volatile long bytesSent;
  private volatile long messagesReceived;
  private volatile long bytesReceived;
  // protocol-loop only
  boolean acked;
  boolean resetRequested;
  boolean outgoingReset;
  boolean incomingReset;

  DataChannel(DataChannelManager manager, String label, DataChannelInit init, int id) {
    this.manager = manager;
    this.label = Objects.requireNonNull(label, "label");
    this.protocol = init.protocol();
    this.ordered = init.ordered();
    this.maxRetransmits = init.maxRetransmits();
    this.maxPacketLifeTime = init.maxPacketLifeTime();
    this.negotiated = init.negotiated();
    this.id = id;
  }

  public String label() {
    return label;
  }

  public String protocol() {
    return protocol;
  }

  /** The SCTP stream id, or -1 while not yet assigned (before the DTLS role is known). */
  public int id() {
    return id;
  }

  public boolean ordered() {
    return ordered;
  }

  /** The retransmission limit, or null. */
  public Integer maxRetransmits() {
    return maxRetransmits;
  }

  /** The lifetime limit in milliseconds, or null. */
  public Integer maxPacketLifeTime() {
    return maxPacketLifeTime;
  }

  public boolean negotiated() {
    return negotiated;
  }

  public DataChannelState readyState() {
    return state;
  }

  /**
   * Queues a text message (PPID 51; 56 when empty).
   *
   * @throws IllegalStateException unless the channel is open
   * @throws IllegalArgumentException when larger than the peer accepts
   */
  public void send(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    submit(bytes.length == 0 ? Ppid.STRING_EMPTY : Ppid.STRING, bytes);
  }

  /**
   * Queues a binary message (PPID 53; 57 when empty); the array is copied.
   *
   * @throws IllegalStateException unless the channel is open
   * @throws IllegalArgumentException when larger than the peer accepts
   */
  public void send(byte[] data) {
    submit(data.length == 0 ? Ppid.BINARY_EMPTY : Ppid.BINARY, data.clone());
  }

  /** Bytes queued by {@link #send} and not yet acknowledged by the peer. */
  public long bufferedAmount() {
    if (manager.onLoop() && id >= 0 && state != DataChannelState.CLOSED) {
      return inFlightToLoop.get() + manager.sctpBuffered(id);
    }
    return inFlightToLoop.get() + sctpBuffered;
  }

  /**
   * Messages handed to SCTP so far (W3C {@code RTCDataChannelStats.messagesSent}); a message counts
   * once the protocol loop has queued it, not when {@link #send} returns.
   */
  public long messagesSent() {
    return messagesSent;
  }

  /** User payload bytes of {@link #messagesSent()} (an empty message counts 0). */
  public long bytesSent() {
    return bytesSent;
  }

  /** Messages received, counted on the protocol loop before the listeners run. */
  public long messagesReceived() {
    return messagesReceived;
  }

  /** User payload bytes of {@link #messagesReceived()} (an empty message counts 0). */
  public long bytesReceived() {
    return bytesReceived;
  }

  public long bufferedAmountLowThreshold() {
    return lowThreshold;
  }

  /** {@link #onBufferedAmountLow} fires when the buffered amount falls to or below this. */
  public void setBufferedAmountLowThreshold(long threshold) {
    if (threshold < 0) {
      throw new IllegalArgumentException("negative threshold");
    }
    lowThreshold = threshold;
    manager.onLoop(() -> manager.applyThreshold(this));
  }

  /** Runs {@code listener} when the channel opens, or soon when it has already opened. */
  public void onOpen(Runnable listener) {
    Once once = new Once(Objects.requireNonNull(listener));
    openListeners.add(once);
    if (openDelivered) {
      manager.dispatch(once);
    }
  }

  public void onMessage(Consumer<DataChannelMessage> listener) {
    messageListeners.add(Objects.requireNonNull(listener));
  }

  public void onBufferedAmountLow(Runnable listener) {
    lowListeners.add(Objects.requireNonNull(listener));
  }

  /** Runs {@code listener} when the channel closes, or soon when it has already closed. */
  public void onClose(Runnable listener) {
    Once once = new Once(Objects.requireNonNull(listener));
    closeListeners.add(once);
    if (closeDelivered) {
      manager.dispatch(once);
    }
  }

  /**
   * Starts closing (RFC 8831 §6.7): queued messages are still delivered, then the outgoing stream
   * is reset; the channel is closed once the peer has reset its side too. Idempotent.
   */
  public void close() {
    manager.onLoop(() -> manager.closeChannel(this));
  }

  @Override
  public String toString() {
    return "DataChannel[" + id + " '" + label + "' " + state + "]";
  }

  // ---- for the manager, on the protocol loop

  private void submit(int ppid, byte[] payload) {
    if (state != DataChannelState.OPEN) {
      throw new IllegalStateException("DataChannel '" + label + "' is " + state);
    }
    long limit = manager.maxSendSize();
    if (payload.length > limit) {
      throw new IllegalArgumentException(
          "message of " + payload.length + " bytes exceeds the peer's limit of " + limit);
    }
    byte[] wire = payload.length == 0 ? new byte[1] : payload;
    inFlightToLoop.addAndGet(wire.length);
    manager.onLoop(
        () -> {
          inFlightToLoop.addAndGet(-wire.length);
          manager.sendUser(this, ppid, wire);
        });
  }

  Reliability reliability() {
    if (maxRetransmits != null) {
      return Reliability.maxRetransmits(maxRetransmits);
    }
    if (maxPacketLifeTime != null) {
      return Reliability.maxPacketLifeTime(Duration.ofMillis(maxPacketLifeTime));
    }
    return Reliability.RELIABLE;
  }

  ChannelType channelType() {
    return ChannelType.of(ordered, maxRetransmits != null, maxPacketLifeTime != null);
  }

  long reliabilityParameter() {
    return maxRetransmits != null
        ? maxRetransmits
        : maxPacketLifeTime != null ? maxPacketLifeTime : 0;
  }

  void countSent(int payloadBytes) {
    messagesSent++;
    bytesSent += payloadBytes;
  }

  void countReceived(int payloadBytes) {
    messagesReceived++;
    bytesReceived += payloadBytes;
  }

  void assignId(int id) {
    this.id = id;
  }

  void setState(DataChannelState next) {
    state = next;
  }

  void refreshBuffered(long sctpAmount) {
    sctpBuffered = sctpAmount;
  }

  long lastSctpBuffered() {
    return sctpBuffered;
  }

  void fireOpen() {
    openDelivered = true; // before the listeners are read: a listener added meanwhile runs once
    openListeners.forEach(Once::run);
  }

  void fireMessage(DataChannelMessage m) {
    messageListeners.forEach(l -> l.accept(m));
  }

  void fireLow() {
    lowListeners.forEach(Runnable::run);
  }

  void fireClose() {
    closeDelivered = true;
    closeListeners.forEach(Once::run);
  }

  /**
   * A state listener that runs at most once: from the event's delivery or from its own late
   * registration, whichever gets there first.
   */
  private static final class Once implements Runnable {
    private final Runnable listener;
    private final AtomicBoolean ran = new AtomicBoolean();

    Once(Runnable listener) {
      this.listener = listener;
    }

    @Override
    public void run() {
      if (ran.compareAndSet(false, true)) {
        listener.run();
      }
    }
  }
}
