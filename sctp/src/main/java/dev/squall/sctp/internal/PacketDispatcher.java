package dev.squall.sctp.internal;

import dev.squall.sctp.CloseReason;
import dev.squall.sctp.SctpException;
import dev.squall.sctp.chunk.AbortChunk;
import dev.squall.sctp.chunk.Chunk;
import dev.squall.sctp.chunk.ChunkCodec;
import dev.squall.sctp.chunk.CookieAckChunk;
import dev.squall.sctp.chunk.CookieEchoChunk;
import dev.squall.sctp.chunk.DataChunk;
import dev.squall.sctp.chunk.ErrorCause;
import dev.squall.sctp.chunk.ErrorChunk;
import dev.squall.sctp.chunk.ForwardTsnChunk;
import dev.squall.sctp.chunk.HeartbeatAckChunk;
import dev.squall.sctp.chunk.HeartbeatChunk;
import dev.squall.sctp.chunk.InitAckChunk;
import dev.squall.sctp.chunk.InitChunk;
import dev.squall.sctp.chunk.ReConfigChunk;
import dev.squall.sctp.chunk.SackChunk;
import dev.squall.sctp.chunk.SctpPacket;
import dev.squall.sctp.chunk.ShutdownAckChunk;
import dev.squall.sctp.chunk.ShutdownChunk;
import dev.squall.sctp.chunk.ShutdownCompleteChunk;
import dev.squall.sctp.chunk.UnknownChunk;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives packets for one association: decodes and verifies them (checksum, ports, the
 * verification tag rules of RFC 9260 §8.5 with the reflected-tag cases of ABORT and
 * SHUTDOWN-COMPLETE, INIT alone with tag 0), then hands each chunk in order to the part that owns
 * it. Unknown chunks follow their type's upper bits (§3.2): skip or stop, report or not.
 */
final class PacketDispatcher {

  private static final Logger log = LoggerFactory.getLogger(PacketDispatcher.class);

  private final Context ctx;
  private final Sender sender;
  private final Receiver receiver;
  private final Handshake handshake;
  private final Heartbeat heartbeat;
  private final Shutdown shutdown;
  private final StreamReset streamReset;
  long packetsReceived;
  long packetsDropped;

  PacketDispatcher(
      Context ctx,
      Sender sender,
      Receiver receiver,
      Handshake handshake,
      Heartbeat heartbeat,
      Shutdown shutdown,
      StreamReset streamReset) {
    this.ctx = ctx;
    this.sender = sender;
    this.receiver = receiver;
    this.handshake = handshake;
    this.heartbeat = heartbeat;
    this.shutdown = shutdown;
    this.streamReset = streamReset;
  }

  void process(byte[] data, int offset, int length) {
    SctpPacket packet;
    try {
      packet = SctpPacket.decode(data, offset, length);
    } catch (SctpException e) {
      packetsDropped++;
      log.debug("dropped packet: {}", e.getMessage());
      return;
    }
    if (packet.sourcePort() != ctx.config.remotePort()
        || packet.destinationPort() != ctx.config.localPort()) {
      packetsDropped++;
      return;
    }
    List<Chunk> chunks = packet.chunks();
    Chunk first = chunks.get(0);
    if (first instanceof InitChunk init) {
      if (chunks.size() == 1 && packet.verificationTag() == 0) {
        packetsReceived++;
        handshake.onInit(init);
      } else {
        packetsDropped++;
      }
      return;
    }
    if (!tagAccepted(packet.verificationTag(), first)) {
      packetsDropped++;
      return;
    }
    packetsReceived++;
    receiver.beginPacket();
    boolean hadData = false;
    for (Chunk chunk : chunks) {
      if (ctx.isClosed()) {
        return;
      }
      if (chunk instanceof DataChunk d) {
        if (ctx.receivesData()) {
          receiver.onData(d);
          hadData = true;
        }
      } else if (chunk instanceof UnknownChunk u) {
        if (u.report()) {
          byte[] raw = ChunkCodec.encode(u);
          ctx.queueControl(
              new ErrorChunk(List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_CHUNK_TYPE, raw))));
        }
        if (u.stopProcessing()) {
          break;
        }
      } else {
        dispatchControl(chunk);
      }
    }
    if (!ctx.isClosed()) {
      receiver.endPacket(hadData);
      streamReset.checkDeferred();
    }
  }

  private boolean tagAccepted(int tag, Chunk first) {
    if (tag == ctx.myTag) {
      return true;
    }
    boolean reflected =
        first instanceof AbortChunk a && a.reflected()
            || first instanceof ShutdownCompleteChunk sc && sc.reflected();
    return reflected && ctx.peerTag != 0 && tag == ctx.peerTag;
  }

  private void dispatchControl(Chunk chunk) {
    if (chunk instanceof SackChunk s) {
      if (ctx.receivesData()) {
        sender.onSack(s);
      }
    } else if (chunk instanceof InitAckChunk ack) {
      handshake.onInitAck(ack);
    } else if (chunk instanceof CookieEchoChunk echo) {
      handshake.onCookieEcho(echo);
    } else if (chunk instanceof CookieAckChunk) {
      handshake.onCookieAck();
    } else if (chunk instanceof HeartbeatChunk hb) {
      heartbeat.onHeartbeat(hb);
    } else if (chunk instanceof HeartbeatAckChunk ack) {
      heartbeat.onHeartbeatAck(ack);
    } else if (chunk instanceof AbortChunk abort) {
      String why =
          abort.causes().isEmpty()
              ? "no cause given"
              : String.join(", ", abort.causes().stream().map(ErrorCause::describe).toList());
      ctx.host().close(new CloseReason(CloseReason.Kind.PEER_ABORT, "peer aborted: " + why), false);
    } else if (chunk instanceof ShutdownChunk s) {
      if (ctx.receivesData()) {
        sender.onSack(
            new SackChunk(
                s.cumulativeTsnAck(),
                sender.peerRwnd() + sender.flightSize(),
                List.of(),
                List.of()));
        shutdown.onShutdown();
      }
    } else if (chunk instanceof ShutdownAckChunk) {
      shutdown.onShutdownAck();
    } else if (chunk instanceof ShutdownCompleteChunk) {
      shutdown.onShutdownComplete();
    } else if (chunk instanceof ErrorChunk error) {
      for (ErrorCause cause : error.causes()) {
        if (cause.code() == ErrorCause.STALE_COOKIE) {
          handshake.onStaleCookie();
        } else {
          log.debug("peer reported {}", cause.describe());
        }
      }
    } else if (chunk instanceof ForwardTsnChunk f) {
      if (ctx.receivesData()) {
        receiver.onForwardTsn(f);
      }
    } else if (chunk instanceof ReConfigChunk r) {
      if (ctx.receivesData()) {
        streamReset.onReConfig(r);
      }
    }
  }
}
