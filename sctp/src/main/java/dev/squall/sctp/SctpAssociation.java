package dev.squall.sctp;

import dev.squall.sctp.internal.AssociationCore;
import dev.squall.util.Scheduler;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One SCTP association (RFC 9260) as WebRTC uses it over DTLS (RFC 8261): a sans-I/O state machine.
 * Packets come in through {@link #handlePacket}, go out through the {@link PacketSink} (or {@code
 * Consumer}) given at construction (the DTLS layer, or a datagram transport in tests), timers run
 * on the {@link Scheduler}, and events go to the {@link SctpListener}.
 *
 * <p>Threading: every method must be called on the scheduler's thread, and {@code output} is called
 * on it too. The output consumer must not call back into this association synchronously (a
 * transport hands received packets over in a later task).
 *
 * <p>WebRTC opens an association from both ends at once: call {@link #connect()} on both; an end
 * that never calls it still answers the peer's INIT. {@link #send} never blocks and never fails
 * because buffers are full: watch {@link #bufferedAmount(int)} and the low-threshold callback.
 */
public final class SctpAssociation {

  private final AssociationCore core;

  /** An association with a {@link SecureRandom} for tags, initial TSN and cookie key. */
  public SctpAssociation(
      Scheduler scheduler, SctpConfig config, Consumer<byte[]> output, SctpListener listener) {
    this(scheduler, config, new SecureRandom(), output, listener);
  }

  /**
   * An association drawing tags, initial TSN and cookie key from {@code random} (tests); each
   * packet reaches {@code output} as an array of its own.
   */
  public SctpAssociation(
      Scheduler scheduler,
      SctpConfig config,
      Random random,
      Consumer<byte[]> output,
      SctpListener listener) {
    this(scheduler, config, random, PacketSink.copying(output), listener);
  }

  /**
   * An association whose packets go to {@code output} without a copy of their own: the sink reads
   * each during the call (a DTLS record layer encrypts it at once).
   */
  public SctpAssociation(
      Scheduler scheduler,
      SctpConfig config,
      Random random,
      PacketSink output,
      SctpListener listener) {
    this.core =
        new AssociationCore(
            Objects.requireNonNull(scheduler, "scheduler"),
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(random, "random"),
            Objects.requireNonNull(listener, "listener"),
            Objects.requireNonNull(output, "output"));
  }

  /** Sends INIT (active open). Does nothing unless the association is new. */
  public void connect() {
    core.connect();
  }

  /** One packet from the lower layer. Malformed or foreign packets are counted and dropped. */
  public void handlePacket(byte[] packet) {
    core.handlePacket(packet, 0, packet.length);
  }

  /**
   * The packet in {@code buffer[offset, offset + length)}, read during the call only (the caller
   * may reuse the buffer afterwards).
   */
  public void handlePacket(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    core.handlePacket(buffer, offset, length);
  }

  /**
   * Queues a message. Messages given before the association is established wait for it.
   *
   * @param stream stream identifier, below the negotiated number of outbound streams
   * @param ppid payload protocol identifier
   * @param message 1 to {@link SctpConfig#maxMessageSize()} bytes; copied
   * @param ordered false to allow delivery before earlier messages of the stream
   * @param reliability {@link Reliability#RELIABLE} or a partial-reliability limit
   * @return false when the association is closing or closed (nothing is queued)
   * @throws IllegalArgumentException for a bad stream or message size
   */
  public boolean send(
      int stream, int ppid, byte[] message, boolean ordered, Reliability reliability) {
    return core.send(stream, ppid, message.clone(), ordered, Objects.requireNonNull(reliability));
  }

  /**
   * Queues a message without copying it: as {@link #send(int, int, byte[], boolean, Reliability)},
   * but {@code message} is handed over. The association reads it until every fragment is
   * acknowledged or abandoned, so the caller must not change it afterwards.
   */
  public boolean sendOwned(
      int stream, int ppid, byte[] message, boolean ordered, Reliability reliability) {
    return core.send(stream, ppid, message, ordered, Objects.requireNonNull(reliability));
  }

  /** Sends an ordered, reliable message. */
  public boolean send(int stream, int ppid, byte[] message) {
    return send(stream, ppid, message, true, Reliability.RELIABLE);
  }

  /** Bytes accepted by {@link #send} on all streams and not yet acknowledged or abandoned. */
  public long bufferedAmount() {
    return core.bufferedAmount();
  }

  /** Bytes accepted on {@code stream} and not yet acknowledged or abandoned. */
  public long bufferedAmount(int stream) {
    return core.bufferedAmount(stream);
  }

  /**
   * Sets when {@link SctpListener#onBufferedAmountLow} fires for {@code stream}: each time its
   * buffered amount falls from above {@code threshold} to or below it (default 0).
   */
  public void setBufferedAmountLowThreshold(int stream, long threshold) {
    core.setBufferedAmountLowThreshold(stream, threshold);
  }

  public long bufferedAmountLowThreshold(int stream) {
    return core.bufferedAmountLowThreshold(stream);
  }

  /**
   * Resets outgoing streams (RFC 6525), as closing a DataChannel does: once their queued data has
   * been sent, their SSNs restart at 0 and the peer is told. {@link
   * SctpListener#onOutgoingStreamsReset} reports completion.
   */
  public void resetStreams(int... streams) {
    core.resetStreams(streams.clone());
  }

  /** Graceful close: delivers what is queued, then SHUTDOWN. {@link SctpListener#onClosed} ends. */
  public void shutdown() {
    core.shutdown();
  }

  /** Sends ABORT with a User-Initiated Abort cause carrying {@code reason} and closes at once. */
  public void abort(String reason) {
    core.abort(Objects.requireNonNull(reason, "reason"));
  }

  public SctpState state() {
    return core.state();
  }

  /** True once closed (after shutdown, abort or failure). */
  public boolean isClosed() {
    return core.isClosed();
  }

  public SctpStats stats() {
    return core.stats();
  }
}
