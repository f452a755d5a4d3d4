package dev.squall.peer.internal;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelManager;
import dev.squall.dtls.DtlsHandshakeResult;
import dev.squall.dtls.DtlsTransport;
import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceCandidatePairStats;
import dev.squall.peer.CandidatePairStats;
import dev.squall.peer.CandidateStats;
import dev.squall.peer.DataChannelStats;
import dev.squall.peer.PeerConnectionState;
import dev.squall.peer.PeerStats;
import dev.squall.peer.TransportStats;
import dev.squall.util.Scheduler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Assembles {@link PeerStats} for {@code PeerConnection.getStats()}: the snapshot is taken in one
 * task on the connection's scheduler, and the future completes off it, on the connection's callback
 * thread (after the DataChannel events queued before it) or, without one or once it is shut down,
 * on the common pool.
 */
public final class StatsCollector {

  private StatsCollector() {}

  /**
   * Takes the snapshot on {@code scheduler} and completes the result off it.
   *
   * @param callbacks the connection's callback thread, or null (raw-datagram mode)
   */
  public static CompletableFuture<PeerStats> collect(
      Scheduler scheduler, CallbackExecutor callbacks, Supplier<PeerStats> snapshot) {
    CompletableFuture<PeerStats> result = new CompletableFuture<>();
    OnScheduler.call(scheduler, snapshot)
        .whenComplete(
            (stats, error) -> {
              Runnable complete =
                  () -> {
                    if (error != null) {
                      result.completeExceptionally(error);
                    } else {
                      result.complete(stats);
                    }
                  };
              if (callbacks == null || !callbacks.tryExecute(complete)) {
                ForkJoinPool.commonPool().execute(complete);
              }
            });
    return result;
  }

  /**
   * The snapshot itself; call on the scheduler.
   *
   * @param stack the transport stack, or null before the first description
   * @param channels the DataChannels, or null in raw-datagram mode
   */
  public static PeerStats snapshot(
      Scheduler scheduler,
      PeerConnectionState state,
      TransportStack stack,
      DataChannelManager channels) {
    List<DataChannelStats> channelStats =
        channels == null ? List.of() : channels.channels().stream().map(c -> channel(c)).toList();
    return new PeerStats(
        scheduler.nanoTime(),
        state,
        Optional.ofNullable(stack).map(s -> transport(s)),
        Optional.ofNullable(stack).flatMap(TransportStack::selectedPairStats).map(p -> pair(p)),
        channelStats,
        channels == null
            ? Optional.empty()
            : channels.association().map(dev.squall.sctp.SctpAssociation::stats));
  }

  private static TransportStats transport(TransportStack s) {
    Optional<DtlsTransport> dtls = s.dtls();
    Optional<DtlsHandshakeResult> handshake =
        dtls.map(DtlsTransport::handshake)
            .filter(f -> f.isDone() && !f.isCompletedExceptionally())
            .map(CompletableFuture::join);
    return new TransportStats(
        s.packetsSent(),
        s.packetsReceived(),
        s.bytesSent(),
        s.bytesReceived(),
        s.iceRole(),
        s.iceState(),
        s.dtlsState(),
        dtls.map(DtlsTransport::role),
        handshake.map(DtlsHandshakeResult::cipherSuite),
        handshake.flatMap(DtlsHandshakeResult::srtpProfile).map(Enum::name));
  }

  private static CandidatePairStats pair(IceCandidatePairStats s) {
    return new CandidatePairStats(
        candidate(s.pair().local()),
        candidate(s.pair().remote()),
        s.pair().localAddress(),
        s.pair().remoteAddress(),
        s.state(),
        s.nominated(),
        s.currentRoundTripTime(),
        s.totalRoundTripTime(),
        s.roundTripTimeMeasurements(),
        s.requestsSent(),
        s.responsesReceived(),
        s.requestsReceived(),
        s.responsesSent(),
        s.consentRequestsSent());
  }

  private static CandidateStats candidate(IceCandidate c) {
    return new CandidateStats(c.type(), c.address(), c.port(), c.transport(), c.priority());
  }

  private static DataChannelStats channel(DataChannel c) {
    return new DataChannelStats(
        c.label(),
        c.protocol(),
        c.id(),
        c.readyState(),
        c.messagesSent(),
        c.bytesSent(),
        c.messagesReceived(),
        c.bytesReceived());
  }
}
