package dev.squall.server.internal.turn;

import dev.squall.turn.server.TurnStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exports the TURN core's {@link TurnStats} to the server's registry (Prometheus names after the
 * arrow):
 *
 * <ul>
 *   <li>{@code squall.turn.allocations.active} → {@code squall_turn_allocations_active}
 *   <li>{@code squall.turn.allocations} → {@code squall_turn_allocations_total}: allocations
 *       created (not {@code ..._created_total}: OpenMetrics reserves the {@code _created} suffix)
 *   <li>{@code squall.turn.relayed.packets{direction=to_peer|to_client}} → {@code
 *       squall_turn_relayed_packets_total}
 *   <li>{@code squall.turn.relayed.bytes{direction}} → {@code squall_turn_relayed_bytes_total}
 *       (application data, without TURN headers)
 *   <li>{@code squall.turn.refusals{reason}} → {@code squall_turn_refusals_total}: requests
 *       answered with an error, by reason (a reason appears once it has happened)
 *   <li>{@code squall.turn.auth.failures} → {@code squall_turn_auth_failures_total}
 *   <li>{@code squall.turn.malformed} → {@code squall_turn_malformed_total}: messages dropped
 *       unanswered
 *   <li>{@code squall.turn.send.dropped{transport=udp|tcp|tls}} → {@code
 *       squall_turn_send_dropped_total}: messages to clients or peers dropped because the socket's
 *       outbound buffer was full
 * </ul>
 *
 * Values are read from the stats at scrape time; {@link #refresh()} registers reasons seen since
 * the last scrape.
 */
public final class TurnMetrics {

  private final TurnStats stats;
  private final MeterRegistry registry;
  private final Set<String> reasons = ConcurrentHashMap.newKeySet();
  private final Map<String, Counter> sendDrops = new ConcurrentHashMap<>();

  public TurnMetrics(TurnStats stats, MeterRegistry registry) {
    this.stats = stats;
    this.registry = registry;
    Gauge.builder("squall.turn.allocations.active", stats, TurnStats::allocationsActive)
        .description("TURN allocations alive now")
        .register(registry);
    FunctionCounter.builder("squall.turn.allocations", stats, TurnStats::allocationsCreated)
        .description("TURN allocations created")
        .register(registry);
    relayed("packets", "to_peer", TurnStats::relayedPacketsToPeer);
    relayed("packets", "to_client", TurnStats::relayedPacketsToClient);
    relayed("bytes", "to_peer", TurnStats::relayedBytesToPeer);
    relayed("bytes", "to_client", TurnStats::relayedBytesToClient);
    FunctionCounter.builder("squall.turn.auth.failures", stats, TurnStats::authFailures)
        .description("TURN requests refused for bad or stale credentials")
        .register(registry);
    FunctionCounter.builder("squall.turn.malformed", stats, TurnStats::malformedDropped)
        .description("TURN messages dropped as malformed")
        .register(registry);
    sendDrops("udp");
    sendDrops("tcp");
    refresh();
  }

  private void relayed(
      String what, String direction, java.util.function.ToDoubleFunction<TurnStats> f) {
    FunctionCounter.builder("squall.turn.relayed." + what, stats, f)
        .description("Application data relayed by TURN, by direction")
        .tag("direction", direction)
        .register(registry);
  }

  /** The counter of sends dropped on {@code transport} ({@code udp} or {@code tcp}). */
  public Counter sendDrops(String transport) {
    return sendDrops.computeIfAbsent(
        transport,
        t ->
            Counter.builder("squall.turn.send.dropped")
                .description("TURN messages dropped because a socket's outbound buffer was full")
                .tag("transport", t)
                .register(registry));
  }

  /** Registers a counter for every refusal reason the stats know of. */
  public void refresh() {
    for (String reason : stats.refusalsByReason().keySet()) {
      if (reasons.add(reason)) {
        FunctionCounter.builder(
                "squall.turn.refusals",
                stats,
                s -> s.refusalsByReason().getOrDefault(reason, 0L).doubleValue())
            .description("TURN requests refused, by reason")
            .tag("reason", reason)
            .register(registry);
      }
    }
  }
}
