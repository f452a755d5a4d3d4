package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One scrape of a test server's Prometheus {@code /metrics}, read series by series. */
final class Scrape {

  private final String text;

  private Scrape(String text) {
    this.text = text;
  }

  /** Fetches {@code /metrics} from the server (asserting 200). */
  static Scrape of(InProcessServer server) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + "metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new Scrape(r.body());
  }

  /** The value of the series named exactly so (with its labels), or 0 when absent. */
  double value(String series) {
    return text.lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElse(0);
  }

  /** The whole text, for patterns and failure messages. */
  String text() {
    return text;
  }
}
