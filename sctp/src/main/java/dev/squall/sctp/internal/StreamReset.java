package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.DataChunk;
import dev.squall.sctp.chunk.OutgoingSsnResetRequestParam;
import dev.squall.sctp.chunk.Param;
import dev.squall.sctp.chunk.ReConfigChunk;
import dev.squall.sctp.chunk.ReconfigResponseParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stream reset (RFC 6525), the way WebRTC closes a DataChannel: outgoing SSN reset requests for our
 * streams (sent once their queued data has left, retransmitted on the RTO until answered) and the
 * peer's requests for its streams (performed once every TSN up to its last assigned TSN has
 * arrived; DATA for those streams beyond that TSN is held back until then).
 */
final class StreamReset {

  /**
   * Streams named in one Outgoing SSN Reset Request: 16 bytes of parameter plus 2 per stream must
   * fit one SCTP packet of about 1200 bytes with its headers; the rest go in the next request.
   */
  static final int MAX_STREAMS_PER_REQUEST = 256;

  private final Context ctx;
  private final SendQueue queue;
  private final Sender sender;
  private final Receiver receiver;
  private final Reassembly reassembly;
  private final ProtocolTimer timer;
  private final Set<Integer> wanted = new LinkedHashSet<>();
  private OutgoingSsnResetRequestParam inFlight;
  private int nextRequestSeq;
  private int peerNextRequestSeq;
  private OutgoingSsnResetRequestParam deferred;
  private final List<DataChunk> held = new ArrayList<>();
  private ReconfigResponseParam lastResponse;

  StreamReset(
      Context ctx, SendQueue queue, Sender sender, Receiver receiver, Reassembly reassembly) {
    this.ctx = ctx;
    this.queue = queue;
    this.sender = sender;
    this.receiver = receiver;
    this.reassembly = reassembly;
    this.timer = new ProtocolTimer(ctx.scheduler, "RECONFIG", this::onTimer);
    this.nextRequestSeq = ctx.myInitialTsn;
  }

  void start() {
    peerNextRequestSeq = ctx.peerInitialTsn;
  }

  void stop() {
    timer.stop();
  }

  /** Asks to reset our outgoing {@code streams}. */
  void request(int[] streams) {
    for (int s : streams) {
      wanted.add(s);
    }
  }

  /** Called at each flush: sends a request when none is in flight and the streams drained. */
  void poll() {
    if (inFlight != null || wanted.isEmpty() || !ctx.peerReconfig) {
      return;
    }
    List<Integer> ready = new ArrayList<>();
    for (int s : wanted) {
      if (!queue.hasPending(s)) {
        ready.add(s);
        if (ready.size() == MAX_STREAMS_PER_REQUEST) {
          break; // control chunks are never fragmented: the request must fit one packet
        }
      }
    }
    if (ready.isEmpty()) {
      return;
    }
    wanted.removeAll(ready);
    inFlight =
        new OutgoingSsnResetRequestParam(
            nextRequestSeq++, peerNextRequestSeq - 1, sender.lastAssignedTsn(), ready);
    for (int s : ready) {
      queue.resetSsn(s);
    }
    ctx.queueControl(new ReConfigChunk(List.of(inFlight)));
    timer.restart(ctx.rto.rto());
  }

  private void onTimer() {
    if (inFlight == null || !ctx.countTimeout("RECONFIG")) {
      return;
    }
    ctx.rto.backOff();
    ctx.queueControl(new ReConfigChunk(List.of(inFlight)));
    timer.restart(ctx.rto.rto());
    ctx.host().flush();
  }

  void onReConfig(ReConfigChunk chunk) {
    for (Param p : chunk.params()) {
      if (p instanceof OutgoingSsnResetRequestParam req) {
        onRequest(req);
      } else if (p instanceof ReconfigResponseParam resp) {
        onResponse(resp);
      }
    }
  }

  private void onRequest(OutgoingSsnResetRequestParam req) {
    if (req.requestSeq() == peerNextRequestSeq) {
      peerNextRequestSeq++;
      if (receiver.receivedThrough(req.lastAssignedTsn())) {
        perform(req);
      } else {
        deferred = req;
      }
    } else if (req.requestSeq() == peerNextRequestSeq - 1) {
      if (lastResponse != null && lastResponse.responseSeq() == req.requestSeq()) {
        ctx.queueControl(new ReConfigChunk(List.of(lastResponse)));
      }
    } else {
      ctx.queueControl(
          new ReConfigChunk(
              List.of(
                  new ReconfigResponseParam(
                      req.requestSeq(), ReconfigResponseParam.ERROR_BAD_SEQUENCE_NUMBER))));
    }
  }

  /** True when DATA for {@code c}'s stream must wait for a deferred reset; it is then held. */
  boolean hold(DataChunk c) {
    if (deferred == null
        || !deferred.streams().isEmpty() && !deferred.streams().contains(c.streamId())
        || Tsn.le(c.tsn(), deferred.lastAssignedTsn())) {
      return false;
    }
    held.add(c);
    return true;
  }

  /** After each packet: performs a deferred request whose TSNs have all arrived. */
  void checkDeferred() {
    if (deferred != null && receiver.receivedThrough(deferred.lastAssignedTsn())) {
      OutgoingSsnResetRequestParam req = deferred;
      deferred = null;
      perform(req);
      List<DataChunk> replay = List.copyOf(held);
      held.clear();
      for (DataChunk c : replay) {
        receiver.replay(c);
      }
    }
  }

  private void perform(OutgoingSsnResetRequestParam req) {
    int[] streams = req.streams().stream().mapToInt(Integer::intValue).toArray();
    for (int s : streams) {
      reassembly.resetStream(s);
    }
    lastResponse =
        new ReconfigResponseParam(req.requestSeq(), ReconfigResponseParam.SUCCESS_PERFORMED);
    ctx.queueControl(new ReConfigChunk(List.of(lastResponse)));
    ctx.listener.onIncomingStreamsReset(streams);
  }

  private void onResponse(ReconfigResponseParam resp) {
    if (inFlight == null || resp.responseSeq() != inFlight.requestSeq()) {
      return;
    }
    if (resp.result() == ReconfigResponseParam.IN_PROGRESS) {
      return; // the timer asks again
    }
    OutgoingSsnResetRequestParam done = inFlight;
    inFlight = null;
    timer.stop();
    ctx.peerAlive();
    if (resp.result() == ReconfigResponseParam.SUCCESS_PERFORMED
        || resp.result() == ReconfigResponseParam.SUCCESS_NOTHING_TO_DO) {
      ctx.listener.onOutgoingStreamsReset(
          done.streams().stream().mapToInt(Integer::intValue).toArray());
    }
  }
}
