package dev.squall.server.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts errors by kind ({@code squall.errors{kind=...}}) and logs the first of each kind at WARN,
 * later ones at DEBUG, so a flood of bad packets cannot flood the log. Kinds are a small fixed
 * vocabulary chosen by the callers (never text from the network).
 */
public final class ErrorReporter {

  private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public ErrorReporter(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the counter of {@code kind} at zero. */
  public void register(String kind) {
    counter(kind);
  }

  /** Records one error of {@code kind}; {@code cause} may be null. */
  public void report(String kind, String detail, Throwable cause) {
    Counter counter = counter(kind);
    counter.increment();
    if (counter.count() <= 1.0) {
      log.warn("{}: {} (further errors of this kind are logged at DEBUG)", kind, detail, cause);
    } else {
      log.debug("{}: {}", kind, detail, cause);
    }
  }

  private Counter counter(String kind) {
    return counters.computeIfAbsent(
        kind,
        k ->
            Counter.builder("squall.errors")
                .description("Errors by kind")
                .tag("kind", k)
                .register(registry));
  }

  /** How many errors of {@code kind} were reported. */
  public long count(String kind) {
    Counter c = counters.get(kind);
    return c == null ? 0 : (long) c.count();
  }
}
