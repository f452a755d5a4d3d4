package dev.squall.sctp.internal;

import dev.squall.sctp.CloseReason;
import dev.squall.sctp.SctpState;
import dev.squall.sctp.chunk.ShutdownAckChunk;
import dev.squall.sctp.chunk.ShutdownChunk;
import dev.squall.sctp.chunk.ShutdownCompleteChunk;
import java.util.function.IntSupplier;

/**
 * Graceful close (RFC 9260 §9.2): SHUTDOWN once everything sent was acknowledged, SHUTDOWN-ACK once
 * the peer's SHUTDOWN and our own outstanding data are settled, SHUTDOWN-COMPLETE to finish;
 * T2-shutdown retransmits SHUTDOWN or SHUTDOWN-ACK with RTO back-off up to Association.Max.Retrans.
 */
final class Shutdown {

  private static final CloseReason DONE =
      new CloseReason(CloseReason.Kind.SHUTDOWN, "graceful shutdown completed");

  private final Context ctx;
  private final Sender sender;
  private final IntSupplier cumulativeTsn;
  private final ProtocolTimer t2;

  Shutdown(Context ctx, Sender sender, IntSupplier cumulativeTsn) {
    this.ctx = ctx;
    this.sender = sender;
    this.cumulativeTsn = cumulativeTsn;
    this.t2 = new ProtocolTimer(ctx.scheduler, "T2-shutdown", this::onT2);
  }

  void stop() {
    t2.stop();
  }

  /** The user asked to close: SHUTDOWN-PENDING until our data is acknowledged. */
  void shutdown() {
    if (ctx.state == SctpState.ESTABLISHED) {
      ctx.state = SctpState.SHUTDOWN_PENDING;
    }
  }

  /** Called at each flush: moves on once the sender is idle. */
  void poll() {
    if (!sender.idle()) {
      return;
    }
    if (ctx.state == SctpState.SHUTDOWN_PENDING) {
      ctx.state = SctpState.SHUTDOWN_SENT;
      sendShutdown();
    } else if (ctx.state == SctpState.SHUTDOWN_RECEIVED) {
      ctx.state = SctpState.SHUTDOWN_ACK_SENT;
      sendShutdownAck();
    }
  }

  private void sendShutdown() {
    ctx.queueControl(new ShutdownChunk(cumulativeTsn.getAsInt()));
    t2.restart(ctx.rto.rto());
  }

  private void sendShutdownAck() {
    ctx.queueControl(new ShutdownAckChunk());
    t2.restart(ctx.rto.rto());
  }

  /** The peer's SHUTDOWN (its cumulative TSN ack was already applied by the caller). */
  void onShutdown() {
    switch (ctx.state) {
      case ESTABLISHED, SHUTDOWN_PENDING -> ctx.state = SctpState.SHUTDOWN_RECEIVED;
      case SHUTDOWN_SENT -> {
        ctx.state = SctpState.SHUTDOWN_ACK_SENT; // both closed at once (§9.2)
        sendShutdownAck();
      }
      default -> {}
    }
  }

  void onShutdownAck() {
    if (ctx.state == SctpState.SHUTDOWN_SENT || ctx.state == SctpState.SHUTDOWN_ACK_SENT) {
      ctx.sendAlone(ctx.peerTag, new ShutdownCompleteChunk(false));
      ctx.host().close(DONE, false);
    }
  }

  void onShutdownComplete() {
    if (ctx.state == SctpState.SHUTDOWN_ACK_SENT) {
      ctx.host().close(DONE, false);
    }
  }

  private void onT2() {
    if (!ctx.countTimeout("T2-shutdown")) {
      return;
    }
    ctx.rto.backOff();
    if (ctx.state == SctpState.SHUTDOWN_SENT) {
      sendShutdown();
    } else if (ctx.state == SctpState.SHUTDOWN_ACK_SENT) {
      sendShutdownAck();
    } else {
      return;
    }
    ctx.host().flush();
  }
}
