package dev.squall.signal.internal;

import dev.squall.signal.message.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The hub's meters: gauges {@code squall.signal.connections}, {@code squall.signal.rooms}, {@code
 * squall.signal.peers}; counters {@code squall.signal.messages.relayed{type}} and {@code
 * squall.signal.errors{code}}. Counters are registered up front, so they exist at zero.
 */
public final class HubMetrics {

  private final Map<String, Counter> relayed = new HashMap<>();
  private final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);

  public HubMetrics(
      MeterRegistry registry, IntSupplier connections, IntSupplier rooms, IntSupplier peers) {
    gauge(registry, "squall.signal.connections", "open signaling connections", connections);
    gauge(registry, "squall.signal.rooms", "rooms with at least one member", rooms);
    gauge(registry, "squall.signal.peers", "sessions in rooms, detached ones included", peers);
    for (String type : new String[] {"offer", "answer", "candidate", "message"}) {
      relayed.put(
          type,
          Counter.builder("squall.signal.messages.relayed")
              .description("messages relayed to a peer (a broadcast counts once per addressee)")
              .tag("type", type)
              .register(registry));
    }
    for (ErrorCode code : ErrorCode.values()) {
      errors.put(
          code,
          Counter.builder("squall.signal.errors")
              .description("error messages sent to clients")
              .tag("code", code.wire())
              .register(registry));
    }
  }

  public void relayed(String type) {
    Counter c = relayed.get(type);
    if (c != null) {
      c.increment();
    }
  }

  public void error(ErrorCode code) {
    errors.get(code).increment();
  }

  private static void gauge(MeterRegistry r, String name, String description, IntSupplier value) {
    Gauge.builder(name, value, IntSupplier::getAsInt)
        .description(description)
        .strongReference(true)
        .register(r);
  }
}
