package dev.squall.sctp.internal;

import dev.squall.sctp.CloseReason;
import dev.squall.sctp.PacketSink;
import dev.squall.sctp.Reliability;
import dev.squall.sctp.SctpConfig;
import dev.squall.sctp.SctpListener;
import dev.squall.sctp.SctpState;
import dev.squall.sctp.SctpStats;
import dev.squall.sctp.chunk.AbortChunk;
import dev.squall.sctp.chunk.Chunk;
import dev.squall.sctp.chunk.ErrorCause;
import dev.squall.util.Scheduler;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the parts of one association together: verifies and dispatches received packets chunk by
 * chunk (RFC 9260 §8.5 verification tags), runs each flush (control chunks, SACK, DATA bundled up
 * to the MTU), and closes. Calls from listeners back into the association are allowed: the flush
 * they ask for runs when the outermost call returns.
 */
public final class AssociationCore implements Context.Host {

  private static final Logger log = LoggerFactory.getLogger(AssociationCore.class);

  private final Context ctx;
  private final SendQueue queue;
  private final Sender sender;
  private final Reassembly reassembly;
  private final Receiver receiver;
  private final Handshake handshake;
  private final Heartbeat heartbeat;
  private final Shutdown shutdown;
  private final StreamReset streamReset;
  private int depth;
  private boolean flushWanted;
  private boolean closed;
  private long packetsSent;
  private final PacketDispatcher dispatcher;

  public AssociationCore(
      Scheduler scheduler,
      SctpConfig config,
      Random random,
      SctpListener listener,
      PacketSink output) {
    this.ctx =
        new Context(
            scheduler,
            config,
            random,
            listener,
            (packet, offset, length) -> {
              packetsSent++;
              output.send(packet, offset, length);
            });
    ctx.bind(this);
    this.queue = new SendQueue(listener, scheduler::nanoTime);
    this.sender = new Sender(ctx, queue);
    this.reassembly =
        new Reassembly(
            new Reassembly.Sink() {
              @Override
              public void deliver(int stream, int ppid, byte[] data, boolean ordered) {
                listener.onMessage(stream, ppid, data, ordered);
              }

              @Override
              public void tooLarge(int stream, long size) {
                close(
                    new CloseReason(
                        CloseReason.Kind.PROTOCOL_ERROR,
                        "message on stream "
                            + stream
                            + " exceeds the maximum message size of "
                            + config.maxMessageSize()
                            + " bytes ("
                            + size
                            + " so far)"),
                    true);
              }

              @Override
              public void violation(String what) {
                close(new CloseReason(CloseReason.Kind.PROTOCOL_ERROR, what), true);
              }
            },
            config.maxMessageSize());
    this.receiver = new Receiver(ctx, reassembly);
    this.handshake = new Handshake(ctx);
    this.heartbeat = new Heartbeat(ctx, sender::lastDataSentAt);
    this.shutdown = new Shutdown(ctx, sender, receiver::cumulativeTsn);
    this.streamReset = new StreamReset(ctx, queue, sender, receiver, reassembly);
    receiver.holdWhen(streamReset::hold);
    this.dispatcher =
        new PacketDispatcher(ctx, sender, receiver, handshake, heartbeat, shutdown, streamReset);
  }

  public void connect() {
    enter();
    try {
      if (!closed && ctx.state == SctpState.CLOSED) {
        handshake.connect();
      }
    } finally {
      exit();
    }
  }

  /** Processes the packet in {@code data[offset, offset + length)}, read during the call only. */
  public void handlePacket(byte[] data, int offset, int length) {
    enter();
    try {
      if (!closed) {
        dispatcher.process(data, offset, length);
      }
    } finally {
      exit();
    }
  }

  /**
   * Queues a message; the queue keeps {@code data} (its fragments are slices of it) until they are
   * acknowledged, so the caller hands it over.
   */
  public boolean send(int stream, int ppid, byte[] data, boolean ordered, Reliability rel) {
    if (stream < 0 || stream >= ctx.outboundStreams) {
      throw new IllegalArgumentException(
          "stream " + stream + " outside 0.." + (ctx.outboundStreams - 1));
    }
    if (data.length == 0 || data.length > ctx.config.maxMessageSize()) {
      throw new IllegalArgumentException(
          "message of " + data.length + " bytes outside 1.." + ctx.config.maxMessageSize());
    }
    if (closed || !acceptsSends()) {
      return false;
    }
    enter();
    try {
      queue.add(stream, ppid, data, ordered, rel, ctx.maxPayload());
    } finally {
      exit();
    }
    return true;
  }

  private boolean acceptsSends() {
    return switch (ctx.state) {
      case CLOSED, COOKIE_WAIT, COOKIE_ECHOED, ESTABLISHED -> true;
      default -> false;
    };
  }

  public void shutdown() {
    enter();
    try {
      if (!closed) {
        if (ctx.state == SctpState.ESTABLISHED) {
          shutdown.shutdown();
        } else if (ctx.state == SctpState.CLOSED
            || ctx.state == SctpState.COOKIE_WAIT
            || ctx.state == SctpState.COOKIE_ECHOED) {
          close(new CloseReason(CloseReason.Kind.SHUTDOWN, "closed before established"), true);
        }
      }
    } finally {
      exit();
    }
  }

  public void abort(String reason) {
    close(new CloseReason(CloseReason.Kind.LOCAL_ABORT, reason), true);
  }

  public void resetStreams(int[] streams) {
    enter();
    try {
      if (!closed) {
        streamReset.request(streams);
      }
    } finally {
      exit();
    }
  }

  private void enter() {
    depth++;
  }

  private void exit() {
    if (--depth == 0 && !closed) {
      doFlush();
    }
  }

  @Override
  public void flush() {
    flushWanted = true;
    if (depth == 0 && !closed) {
      doFlush();
    }
  }

  private void doFlush() {
    depth++;
    try {
      flushWanted = false;
      if (ctx.state.carriesData()) {
        shutdown.poll();
        streamReset.poll();
      }
      PacketWriter w = ctx.writer();
      for (Chunk c : ctx.drainControl()) {
        w.add(c);
      }
      if (ctx.receivesData()
          && (receiver.sackDue()
              || receiver.sackOwed() && ctx.state.carriesData() && !queue.isEmpty())) {
        w.add(receiver.buildSack());
      }
      if (ctx.state.carriesData()) {
        sender.transmit(w);
      }
      w.finish();
    } finally {
      depth--;
    }
  }

  @Override
  public void close(CloseReason reason, boolean sendAbort) {
    if (closed) {
      return;
    }
    if (sendAbort && ctx.peerTag != 0) {
      List<ErrorCause> causes =
          switch (reason.kind()) {
            case LOCAL_ABORT -> List.of(ErrorCause.userAbort(reason.message()));
            case PROTOCOL_ERROR -> List.of(ErrorCause.protocolViolation(reason.message()));
            default -> List.of();
          };
      ctx.sendAlone(ctx.peerTag, new AbortChunk(false, causes));
    }
    closed = true;
    ctx.markClosed();
    ctx.state = SctpState.CLOSED;
    handshake.stop();
    sender.stop();
    receiver.stop();
    heartbeat.stop();
    shutdown.stop();
    streamReset.stop();
    log.debug("association closed: {}", reason);
    ctx.listener.onClosed(reason);
  }

  @Override
  public void established(long peerRwnd) {
    ctx.state = SctpState.ESTABLISHED;
    sender.start(peerRwnd);
    receiver.start(ctx.peerInitialTsn);
    streamReset.start();
    heartbeat.start();
    flushWanted = true;
    ctx.listener.onEstablished();
  }

  public SctpState state() {
    return ctx.state;
  }

  public boolean isClosed() {
    return closed;
  }

  public long bufferedAmount() {
    return queue.bufferedAmount();
  }

  public long bufferedAmount(int stream) {
    return queue.bufferedAmount(stream);
  }

  public void setBufferedAmountLowThreshold(int stream, long threshold) {
    queue.setLowThreshold(stream, threshold);
  }

  public long bufferedAmountLowThreshold(int stream) {
    return queue.lowThreshold(stream);
  }

  public SctpStats stats() {
    SenderStats s = sender.stats();
    return new SctpStats(
        sender.cwnd(),
        sender.ssthresh(),
        sender.flightSize(),
        sender.peerRwnd(),
        ctx.rto.rto(),
        ctx.rto.srtt(),
        sender.inFastRecovery(),
        sender.outstandingChunks(),
        s.chunksSent,
        s.retransmissions,
        s.fastRetransmissions,
        s.t3Expiries,
        s.abandonedMessages,
        s.forwardTsnsSent,
        receiver.dataChunksReceived(),
        packetsSent,
        dispatcher.packetsReceived,
        dispatcher.packetsDropped,
        receiver.advertisedWindow());
  }
}
