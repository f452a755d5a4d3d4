package dev.squall.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test fixtures: configs on free loopback ports and a small HTTP client. */
final class TestServers {

  static final WebRoot TEST_WEB = new WebRoot.Classpath("squall/test-web/");

  private TestServers() {}

  /** Loopback, free ports, no STUN, the test web app. */
  static ServerConfig.Builder config() {
    return ServerConfig.builder().host("127.0.0.1").httpPort(0).stunPort(-1).webRoot(TEST_WEB);
  }

  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  static HttpResponse<String> get(SquallServer server, String path) throws Exception {
    return send(server, HttpRequest.newBuilder(uri(server, path)).GET().build());
  }

  static HttpResponse<String> send(SquallServer server, HttpRequest request) throws Exception {
    return client().send(request, HttpResponse.BodyHandlers.ofString());
  }

  static URI uri(SquallServer server, String path) {
    return URI.create(
        (server.tls() ? "https" : "http") + "://127.0.0.1:" + server.httpPort() + path);
  }
}
