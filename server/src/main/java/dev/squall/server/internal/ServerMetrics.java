package dev.squall.server.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's meter registry (Prometheus) with JVM binders, plus the meters the server itself
 * updates: {@code squall.stun.requests{transport,outcome}}, {@code squall.http.requests{route,
 * status}} and {@code squall.errors{kind}} (via {@link #errors()}). The signaling hub registers its
 * own meters on {@link #registry()}. One instance per server; {@link #close()} releases the
 * binders.
 */
public final class ServerMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final ErrorReporter errors = new ErrorReporter(registry);
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final List<Runnable> scrapeHooks = new CopyOnWriteArrayList<>();

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    ErrorKinds.ALL.forEach(errors::register);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public ErrorReporter errors() {
    return errors;
  }

  /** Counts one STUN request handled on {@code transport} ({@code udp}/{@code tcp}). */
  public void stunRequest(String transport, String outcome) {
    stunCounter(transport, outcome).increment();
  }

  /**
   * The counter of STUN requests on {@code transport} with {@code outcome}, for hot paths to keep.
   */
  public Counter stunCounter(String transport, String outcome) {
    return counters.computeIfAbsent(
        "stun|" + transport + "|" + outcome,
        k ->
            Counter.builder("squall.stun.requests")
                .description("STUN packets received, by transport and outcome")
                .tag("transport", transport)
                .tag("outcome", outcome)
                .register(registry));
  }

  /** Counts one HTTP response; {@code route} is a fixed name, never the request path. */
  public void httpRequest(String route, int status) {
    String statusClass = (status / 100) + "xx";
    counters
        .computeIfAbsent(
            "http|" + route + "|" + statusClass,
            k ->
                Counter.builder("squall.http.requests")
                    .description("HTTP responses by route and status class")
                    .tag("route", route)
                    .tag("status", statusClass)
                    .register(registry))
        .increment();
  }

  /**
   * Runs {@code hook} before every scrape, e.g. to register meters whose tags are only known at run
   * time (TURN refusal reasons).
   */
  public void beforeScrape(Runnable hook) {
    scrapeHooks.add(hook);
  }

  /** The Prometheus text exposition (format 0.0.4). */
  public String scrape() {
    scrapeHooks.forEach(Runnable::run);
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
