package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRoutesTest {

  static SquallServer server;

  @BeforeAll
  static void start() {
    server = new SquallServer(TestServers.config().build());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void rootServesIndexWithHeaders() throws Exception {
    HttpResponse<String> r = TestServers.get(server, "/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("test-index-marker");
    assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(r.headers().firstValue("etag"))
        .hasValueSatisfying(e -> assertThat(e).startsWith("\""));
    assertThat(r.headers().firstValue("last-modified")).isPresent();
    assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("x-frame-options")).hasValue("DENY");
    assertThat(r.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    assertThat(r.headers().firstValue("strict-transport-security")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/r/demo", "/r/demo/", "/r/Room_1-x", "/r/demo?x=1"})
  void roomPathsServeIndex(String path) throws Exception {
    HttpResponse<String> r = TestServers.get(server, path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("test-index-marker");
  }

  @Test
  void javascriptModulesAreTextJavascript() throws Exception {
    HttpResponse<String> js = TestServers.get(server, "/app.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(js.body()).contains("test-app-js");
    HttpResponse<String> mjs = TestServers.get(server, "/sub/mod.mjs");
    assertThat(mjs.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    HttpResponse<String> css = TestServers.get(server, "/style.css");
    assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/nope.js", "/sub", "/sub/", "/r/", "/r/a/b", "/r/bad%20room", "/index.html/x"})
  void unknownPathsAre404(String path) throws Exception {
    assertThat(TestServers.get(server, path).statusCode()).isEqualTo(404);
  }

  @Test
  void etagRevalidationAnswers304() throws Exception {
    String etag = TestServers.get(server, "/app.js").headers().firstValue("etag").orElseThrow();
    HttpResponse<String> r =
        TestServers.send(
            server,
            HttpRequest.newBuilder(TestServers.uri(server, "/app.js"))
                .header("If-None-Match", etag)
                .build());
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
    HttpResponse<String> other =
        TestServers.send(
            server,
            HttpRequest.newBuilder(TestServers.uri(server, "/app.js"))
                .header("If-None-Match", "\"something-else\"")
                .build());
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void headHasHeadersButNoBody() throws Exception {
    HttpResponse<String> get = TestServers.get(server, "/");
    HttpResponse<String> head =
        TestServers.send(
            server,
            HttpRequest.newBuilder(TestServers.uri(server, "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("content-length"))
        .hasValue(
            String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    assertThat(head.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
  }

  @Test
  void otherMethodsAre405() throws Exception {
    HttpResponse<String> r =
        TestServers.send(
            server,
            HttpRequest.newBuilder(TestServers.uri(server, "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret-outside-web-root.txt",
        "/../../secret-outside-web-root.txt",
        "/%2e%2e/%2e%2e/secret-outside-web-root.txt",
        "/%2E%2E%2F%2E%2E%2Fsecret-outside-web-root.txt",
        "/sub/..%2f..%2f..%2fsecret-outside-web-root.txt",
        "/..%5c..%5csecret-outside-web-root.txt",
        "//secret-outside-web-root.txt",
        "/./index.html",
        "/%00index.html",
        "/%zz"
      })
  void traversalIsRefused(String target) throws Exception {
    String response = RawHttp.get(server.httpPort(), target);
    assertThat(RawHttp.status(response)).isIn(400, 404);
    assertThat(response).doesNotContain("TOP-SECRET").doesNotContain("test-index-marker");
  }

  @Test
  void healthzReportsOk() throws Exception {
    HttpResponse<String> r = TestServers.get(server, "/healthz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(r.body()).startsWith("{\"status\":\"ok\"").contains("\"connections\":0");
  }

  @Test
  void plainGetOnWebSocketPathIsRefused() throws Exception {
    assertThat(TestServers.get(server, "/ws").statusCode()).isIn(400, 426);
  }
}
