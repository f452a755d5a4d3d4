package dev.squall.sctp.internal;

import dev.squall.sctp.CloseReason;
import dev.squall.sctp.PacketSink;
import dev.squall.sctp.SctpConfig;
import dev.squall.sctp.SctpListener;
import dev.squall.sctp.SctpState;
import dev.squall.sctp.chunk.Chunk;
import dev.squall.sctp.chunk.SctpPacket;
import dev.squall.util.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * State shared by the parts of one association (handshake, sender, receiver, heartbeat, shutdown,
 * stream reset): configuration, clock, tags, state, the RTO, the association error counter and the
 * control chunks waiting for the next flush. Owned by the association; single-threaded.
 */
public final class Context {

  /** What the association does on behalf of the parts. */
  public interface Host {
    /** Sends queued control chunks and data now. */
    void flush();

    /** Closes the association (sending ABORT first when {@code sendAbort}). */
    void close(CloseReason reason, boolean sendAbort);

    /** The handshake completed; the peer advertised {@code peerRwnd}. */
    void established(long peerRwnd);
  }

  public final Scheduler scheduler;
  public final SctpConfig config;
  public final Random random;
  public final SctpListener listener;
  public final RtoEstimator rto;
  private final PacketSink output;
  private final List<Chunk> control = new ArrayList<>();
  private PacketWriter writer;
  private Host host;

  public final int myTag;
  public final int myInitialTsn;
  public int peerTag;
  public int peerInitialTsn;
  public SctpState state = SctpState.CLOSED;
  public boolean peerForwardTsn;
  public boolean peerReconfig;
  public int outboundStreams;
  public int inboundStreams;
  private int errorCount;
  private boolean closed;

  public Context(
      Scheduler scheduler,
      SctpConfig config,
      Random random,
      SctpListener listener,
      PacketSink output) {
    this.scheduler = scheduler;
    this.config = config;
    this.random = random;
    this.listener = listener;
    this.output = output;
    this.rto = new RtoEstimator(config);
    int tag;
    do {
      tag = random.nextInt();
    } while (tag == 0);
    this.myTag = tag;
    this.myInitialTsn = random.nextInt();
    this.outboundStreams = config.outboundStreams();
    this.inboundStreams = config.inboundStreams();
  }

  public void bind(Host host) {
    this.host = host;
  }

  public Host host() {
    return host;
  }

  public long now() {
    return scheduler.nanoTime();
  }

  /** Queues a control chunk for the next flush (bundled before DATA). */
  public void queueControl(Chunk chunk) {
    control.add(chunk);
  }

  /** Takes the queued control chunks. */
  public List<Chunk> drainControl() {
    if (control.isEmpty()) {
      return List.of();
    }
    List<Chunk> out = List.copyOf(control);
    control.clear();
    return out;
  }

  /** Sends one chunk alone in a packet with the given verification tag. */
  public void sendAlone(int tag, Chunk chunk) {
    byte[] packet =
        new SctpPacket(config.localPort(), config.remotePort(), tag, List.of(chunk)).encode();
    output.send(packet, 0, packet.length);
  }

  /**
   * The association's packet writer, begun for one flush addressed to the peer. There is one, its
   * packet buffer reused by every flush: flushes do not nest.
   */
  public PacketWriter writer() {
    if (writer == null) {
      writer = new PacketWriter(config.mtu(), config.localPort(), config.remotePort(), 0, output);
    }
    return writer.begin(peerTag);
  }

  /**
   * Counts one more consecutive timeout toward Association.Max.Retrans.
   *
   * @return false when the limit was exceeded and the association is closing
   */
  public boolean countTimeout(String what) {
    errorCount++;
    if (errorCount > config.maxRetransmits()) {
      host.close(
          new CloseReason(
              CloseReason.Kind.TIMEOUT,
              what + ": " + config.maxRetransmits() + " retransmissions without an answer"),
          true);
      return false;
    }
    return true;
  }

  /** The peer answered: clears the association error counter. */
  public void peerAlive() {
    errorCount = 0;
  }

  public int errorCount() {
    return errorCount;
  }

  /** True in the states where DATA and SACK are processed. */
  public boolean receivesData() {
    return switch (state) {
      case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED -> true;
      default -> false;
    };
  }

  void markClosed() {
    closed = true;
  }

  /** True once the association closed. */
  public boolean isClosed() {
    return closed;
  }

  /** Largest user payload of one DATA chunk in a packet of MTU bytes. */
  public int maxPayload() {
    return (config.mtu() - SctpPacket.HEADER - 16) & ~3;
  }
}
