package dev.squall.datachannel;

import dev.squall.sctp.PacketSink;
import dev.squall.sctp.Reliability;
import dev.squall.sctp.SctpAssociation;
import dev.squall.sctp.SctpConfig;
import dev.squall.util.Scheduler;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DataChannels of one SCTP association (RFC 8831, RFC 8832). Channels can be created before
 * {@link #start}: they get their stream id once the DTLS role is known (client even, server odd,
 * RFC 8832 §6) and open when the association is established. In-band channels send
 * DATA_CHANNEL_OPEN and send ordered until the DATA_CHANNEL_ACK arrives; negotiated channels use
 * their agreed id and no DCEP. The peer's channels are announced to {@link #onDataChannel}.
 *
 * <p>Threads: the association and every table here live on the {@link Scheduler} (the protocol
 * loop); public methods may be called from any thread and hop onto it. Every listener (channel
 * announcements, open, message, low-buffer and close events) runs on the {@code callbacks}
 * executor, never inline in the protocol loop unless that executor is the loop itself: give a
 * serial executor on another thread so that slow user code cannot stall the protocol.
 */
public final class DataChannelManager {

  private static final Logger LOG = LoggerFactory.getLogger(DataChannelManager.class);
  private static final int DEFAULT_MAX_MESSAGE = 262144;

  private final Scheduler scheduler;
  private final Executor callbacks;
  private final List<Consumer<DataChannel>> channelListeners = new CopyOnWriteArrayList<>();
  private volatile long maxSendSize = DEFAULT_MAX_MESSAGE;
  // protocol loop only
  private final Map<Integer, DataChannel> byId = new HashMap<>();
  private final List<DataChannel> unassigned = new ArrayList<>();
  private final Set<DataChannel> busy = new HashSet<>();
  private SctpAssociation sctp;
  private boolean client;
  private boolean established;
  private boolean closed;
  private int streamLimit;

  /**
   * @param scheduler the protocol loop
   * @param callbacks where listeners run; serial (one task at a time, in order)
   */
  public DataChannelManager(Scheduler scheduler, Executor callbacks) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  /** {@link #start(SctpConfig, boolean, long, Random, Consumer)} with a {@link SecureRandom}. */
  public void start(
      SctpConfig config, boolean dtlsClient, long remoteMaxMessageSize, Consumer<byte[]> output) {
    start(config, dtlsClient, remoteMaxMessageSize, new SecureRandom(), output);
  }

  /**
   * {@link #start(SctpConfig, boolean, long, Random, PacketSink)} with each packet handed to {@code
   * output} as an array of its own.
   */
  public void start(
      SctpConfig config,
      boolean dtlsClient,
      long remoteMaxMessageSize,
      Random random,
      Consumer<byte[]> output) {
    start(config, dtlsClient, remoteMaxMessageSize, random, PacketSink.copying(output));
  }

  /**
   * Creates the association and connects it (both ends connect, RFC 8841). Call on the loop, once,
   * when the lower layer (DTLS) is connected.
   *
   * @param dtlsClient true when this end is the DTLS client: it then uses even stream ids
   * @param remoteMaxMessageSize the peer's {@code a=max-message-size}; 0 means no limit
   * @param output where SCTP packets go (one DTLS record each), read during the call only
   */
  public void start(
      SctpConfig config,
      boolean dtlsClient,
      long remoteMaxMessageSize,
      Random random,
      PacketSink output) {
    requireLoop();
    if (sctp != null) {
      throw new IllegalStateException("already started");
    }
    this.client = dtlsClient;
    this.streamLimit = Math.min(config.outboundStreams(), config.inboundStreams());
    long remote = remoteMaxMessageSize <= 0 ? Long.MAX_VALUE : remoteMaxMessageSize;
    this.maxSendSize = Math.min(config.maxMessageSize(), remote);
    this.sctp = new SctpAssociation(scheduler, config, random, output, new ChannelEvents(this));
    if (closed) {
      return;
    }
    List<DataChannel> waiting = new ArrayList<>(unassigned);
    unassigned.clear();
    waiting.forEach(this::place);
    byId.values().forEach(this::applyThreshold);
    sctp.connect();
  }

  /** One SCTP packet from the lower layer; dropped before {@link #start}. Call on the loop. */
  public void handlePacket(byte[] packet) {
    handlePacket(packet, 0, packet.length);
  }

  /**
   * The SCTP packet in {@code buffer[offset, offset + length)}, read during the call only; dropped
   * before {@link #start}. Call on the loop.
   */
  public void handlePacket(byte[] buffer, int offset, int length) {
    if (sctp == null) {
      return;
    }
    sctp.handlePacket(buffer, offset, length);
    refreshBusy();
  }

  /**
   * Creates a channel (W3C {@code createDataChannel}). It opens once the association is
   * established; a negotiated one needs the same call, with the same id, at the peer.
   *
   * @throws IllegalArgumentException on the loop, when a negotiated id is taken or out of range
   */
  public DataChannel createDataChannel(String label, DataChannelInit init) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(init, "init");
    DataChannel channel = new DataChannel(this, label, init, init.negotiated() ? init.id() : -1);
    if (onLoop()) {
      register(channel, true);
    } else {
      scheduler.execute(() -> register(channel, false));
    }
    return channel;
  }

  /** Channels the peer opens with DCEP, announced before their first message. */
  public void onDataChannel(Consumer<DataChannel> listener) {
    channelListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The association, once started (for stats). Use on the loop. */
  public Optional<SctpAssociation> association() {
    return Optional.ofNullable(sctp);
  }

  /**
   * The channels not yet closed: those with a stream id in id order, then those waiting for one.
   * Use on the loop.
   */
  public List<DataChannel> channels() {
    requireLoop();
    List<DataChannel> out = new ArrayList<>(byId.values());
    out.sort(java.util.Comparator.comparingInt(DataChannel::id));
    out.addAll(unassigned);
    return out;
  }

  /** Open channels by stream id, plus those waiting for an id. Use on the loop. */
  public int channelCount() {
    return byId.size() + unassigned.size();
  }

  /** The largest message {@link DataChannel#send} accepts (the peer's limit and ours). */
  public long maxSendSize() {
    return maxSendSize;
  }

  /**
   * Aborts the association (when the peer connection closes) and closes every channel. Idempotent.
   */
  public void close() {
    onLoop(
        () -> {
          if (sctp != null && !sctp.isClosed()) {
            sctp.abort("peer connection closed");
          }
          closeAll();
        });
  }

  // ---- package-private, for DataChannel

  boolean onLoop() {
    return scheduler.inScheduler();
  }

  void onLoop(Runnable task) {
    if (scheduler.inScheduler()) {
      task.run();
    } else {
      scheduler.execute(task);
    }
  }

  long sctpBuffered(int stream) {
    return sctp == null ? 0 : sctp.bufferedAmount(stream);
  }

  void applyThreshold(DataChannel ch) {
    if (sctp != null && ch.id() >= 0 && ch.readyState() != DataChannelState.CLOSED) {
      sctp.setBufferedAmountLowThreshold(ch.id(), ch.bufferedAmountLowThreshold());
    }
  }

  void sendUser(DataChannel ch, int ppid, byte[] wire) {
    if (ch.readyState() != DataChannelState.OPEN || sctp == null) {
      LOG.debug("{}: message dropped, channel no longer open", ch);
      return;
    }
    boolean ordered = ch.ordered() || !ch.acked;
    try {
      // wire is this channel's own copy of the user's message: SCTP may keep it as it is
      if (!sctp.sendOwned(ch.id(), ppid, wire, ordered, ch.reliability())) {
        LOG.debug("{}: message dropped, association closing", ch);
        return;
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: message dropped: {}", ch, e.getMessage());
      return;
    }
    boolean empty = ppid == Ppid.STRING_EMPTY || ppid == Ppid.BINARY_EMPTY;
    ch.countSent(empty ? 0 : wire.length);
    ch.refreshBuffered(sctp.bufferedAmount(ch.id()));
    busy.add(ch);
  }

  void closeChannel(DataChannel ch) {
    DataChannelState s = ch.readyState();
    if (s == DataChannelState.CLOSING || s == DataChannelState.CLOSED) {
      return;
    }
    if (sctp == null || sctp.isClosed() || ch.id() < 0) {
      unassigned.remove(ch);
      finish(ch);
      return;
    }
    ch.setState(DataChannelState.CLOSING);
    ch.resetRequested = true;
    sctp.resetStreams(ch.id());
  }

  // ---- internals, on the loop

  DataChannel channel(int id) {
    return byId.get(id);
  }

  SctpAssociation sctp() {
    return sctp;
  }

  void established() {
    established = true;
    new ArrayList<>(byId.values()).forEach(this::open);
  }

  private void register(DataChannel ch, boolean throwing) {
    if (closed) {
      ch.setState(DataChannelState.CLOSED);
      return;
    }
    if (ch.negotiated()) {
      int id = ch.id();
      String problem =
          byId.containsKey(id)
              ? "stream id " + id + " is already in use"
              : sctp != null && id >= streamLimit ? "stream id " + id + " out of range" : null;
      if (problem != null) {
        ch.setState(DataChannelState.CLOSED);
        if (throwing) {
          throw new IllegalArgumentException(problem);
        }
        LOG.warn("{}: {}", ch, problem);
        dispatch(ch::fireClose);
        return;
      }
      ch.acked = true;
    }
    if (sctp == null) {
      if (ch.negotiated()) {
        byId.put(ch.id(), ch);
      } else {
        unassigned.add(ch);
      }
      return;
    }
    place(ch);
  }

  /** Gives an id (unless negotiated), sends OPEN, and opens at once when established. */
  private void place(DataChannel ch) {
    if (!ch.negotiated()) {
      int id = freeId();
      if (id < 0) {
        LOG.warn("{}: no free stream id", ch);
        finish(ch);
        return;
      }
      ch.assignId(id);
      byId.put(id, ch);
      applyThreshold(ch);
      DataChannelOpen open =
          new DataChannelOpen(
              ch.channelType(),
              DataChannelOpen.PRIORITY_NORMAL,
              ch.reliabilityParameter(),
              ch.label(),
              ch.protocol());
      sctp.send(id, Ppid.DCEP, open.encode(), true, Reliability.RELIABLE);
    } else {
      byId.put(ch.id(), ch);
      applyThreshold(ch);
    }
    if (established) {
      open(ch);
    }
  }

  private int freeId() {
    for (int id = client ? 0 : 1; id < streamLimit; id += 2) {
      if (!byId.containsKey(id)) {
        return id;
      }
    }
    return -1;
  }

  void open(DataChannel ch) {
    if (ch.readyState() == DataChannelState.CONNECTING) {
      ch.setState(DataChannelState.OPEN);
      dispatch(ch::fireOpen);
    }
  }

  void finish(DataChannel ch) {
    if (ch.readyState() == DataChannelState.CLOSED) {
      return;
    }
    if (ch.id() >= 0 && byId.get(ch.id()) == ch) {
      byId.remove(ch.id());
    }
    busy.remove(ch);
    ch.refreshBuffered(0);
    ch.setState(DataChannelState.CLOSED);
    dispatch(ch::fireClose);
  }

  void closeAll() {
    closed = true;
    List<DataChannel> all = new ArrayList<>(byId.values());
    all.addAll(unassigned);
    unassigned.clear();
    all.forEach(this::finish);
  }

  private void refreshBusy() {
    if (busy.isEmpty() || sctp == null) {
      return;
    }
    busy.removeIf(
        ch -> {
          long amount = sctp.bufferedAmount(ch.id());
          ch.refreshBuffered(amount);
          return amount == 0;
        });
  }

  void dispatch(Runnable event) {
    callbacks.execute(
        () -> {
          try {
            event.run();
          } catch (RuntimeException e) {
            LOG.warn("DataChannel listener failed", e);
          }
        });
  }

  /** Takes a channel the peer opened with DCEP (already acknowledged) and announces it. */
  void adopt(DataChannel ch) {
    byId.put(ch.id(), ch);
    applyThreshold(ch);
    ch.setState(DataChannelState.OPEN);
    dispatch(() -> channelListeners.forEach(l -> l.accept(ch)));
    dispatch(ch::fireOpen);
  }

  private void requireLoop() {
    if (!scheduler.inScheduler()) {
      throw new IllegalStateException("call on the protocol loop");
    }
  }
}
