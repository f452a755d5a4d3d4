package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.HeartbeatAckChunk;
import dev.squall.sctp.chunk.HeartbeatChunk;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.function.LongSupplier;

/**
 * Path heartbeat (RFC 9260 §8.3): when no DATA was sent for HB.interval, sends HEARTBEAT carrying
 * its send time and a nonce, every RTO + HB.interval. The HEARTBEAT-ACK gives an RTT sample and
 * clears the error counter; an unanswered heartbeat counts toward Association.Max.Retrans and backs
 * off the RTO. Also answers the peer's HEARTBEATs.
 */
final class Heartbeat {

  private final Context ctx;
  private final LongSupplier lastDataSentAt;
  private final ProtocolTimer timer;
  private final long interval;
  private boolean awaiting;
  private long nonce;

  Heartbeat(Context ctx, LongSupplier lastDataSentAt) {
    this.ctx = ctx;
    this.lastDataSentAt = lastDataSentAt;
    this.interval = ctx.config.heartbeatInterval().toNanos();
    this.timer = new ProtocolTimer(ctx.scheduler, "HEARTBEAT", this::onTimer);
  }

  void start() {
    if (interval > 0) {
      timer.restart(interval + ctx.rto.rto());
    }
  }

  void stop() {
    timer.stop();
  }

  private void onTimer() {
    long now = ctx.now();
    if (awaiting) {
      if (!ctx.countTimeout("HEARTBEAT")) {
        return;
      }
      ctx.rto.backOff();
    } else {
      long last = lastDataSentAt.getAsLong();
      if (last != Long.MIN_VALUE && now - last < interval) {
        timer.restart(interval - (now - last) + ctx.rto.rto());
        return;
      }
    }
    nonce = ctx.random.nextLong();
    awaiting = true;
    ByteWriter info = new ByteWriter(16).putI64(now).putI64(nonce);
    ctx.queueControl(new HeartbeatChunk(info.toByteArray()));
    timer.restart(interval + ctx.rto.rto());
    ctx.host().flush();
  }

  /** The peer's HEARTBEAT: echo its information. */
  void onHeartbeat(HeartbeatChunk hb) {
    ctx.queueControl(new HeartbeatAckChunk(hb.info()));
  }

  /** Our HEARTBEAT came back. */
  void onHeartbeatAck(HeartbeatAckChunk ack) {
    if (!awaiting || ack.info().length != 16) {
      return;
    }
    ByteReader r = new ByteReader(ack.info());
    long sentAt = r.readI64();
    if (r.readI64() != nonce) {
      return;
    }
    awaiting = false;
    ctx.rto.measure(ctx.now() - sentAt);
    ctx.peerAlive();
  }
}
