package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The default web root serves the app the {@code web} module packages under squall/web/. */
class PackagedWebAppTest {

  @Test
  void servesThePackagedIndexAndItsModules() throws Exception {
    try (SquallServer server =
        new SquallServer(TestServers.config().webRoot(WebRoot.packaged()).build())) {
      server.start();
      HttpResponse<String> index = TestServers.get(server, "/");
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
      assertThat(TestServers.get(server, "/r/some-room").body()).isEqualTo(index.body());

      Matcher script =
          Pattern.compile("<script[^>]+src=\"(/[^\"]+\\.m?js)\"").matcher(index.body());
      assertThat(script.find()).as("index.html loads a script").isTrue();
      HttpResponse<String> js = TestServers.get(server, script.group(1));
      assertThat(js.statusCode()).isEqualTo(200);
      assertThat(js.headers().firstValue("content-type"))
          .hasValue("text/javascript; charset=utf-8");
    }
  }
}
