package dev.squall.server;

/** Reads STUN and TURN counters of a running server from /metrics. */
final class ServerCounters {

  private ServerCounters() {}

  static double value(SquallServer server, String series) throws Exception {
    return MetricsText.value(TestServers.get(server, "/metrics").body(), series);
  }

  static double bindingSuccesses(SquallServer server, String transport) throws Exception {
    return value(
        server,
        "squall_stun_requests_total{outcome=\"binding_success\",transport=\"" + transport + "\"}");
  }

  static double relayedToPeer(SquallServer server) throws Exception {
    return value(server, "squall_turn_relayed_packets_total{direction=\"to_peer\"}");
  }

  /** All TURN refusals, whatever the reason. */
  static double refusals(SquallServer server) throws Exception {
    return TestServers.get(server, "/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("squall_turn_refusals_total{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
