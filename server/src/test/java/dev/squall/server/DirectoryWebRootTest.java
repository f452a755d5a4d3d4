package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWebRootTest {

  @TempDir Path tmp;

  @Test
  void servesFilesFromDiskAndNeverOutsideIt() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(root.resolve("index.html"), "<p>disk-index</p>");
    Files.writeString(root.resolve("main.js"), "export const v = 1;");
    Files.writeString(tmp.resolve("secret.txt"), "DISK-SECRET");
    Files.createSymbolicLink(root.resolve("link.txt"), tmp.resolve("secret.txt"));
    try (SquallServer server =
        new SquallServer(TestServers.config().webRoot(WebRoot.directory(root)).build())) {
      server.start();
      HttpResponse<String> index = TestServers.get(server, "/r/room1");
      assertThat(index.body()).isEqualTo("<p>disk-index</p>");
      assertThat(TestServers.get(server, "/main.js").headers().firstValue("content-type"))
          .hasValue("text/javascript; charset=utf-8");

      Files.writeString(root.resolve("main.js"), "export const v = 2;");
      assertThat(TestServers.get(server, "/main.js").body()).contains("v = 2");

      for (String target :
          new String[] {
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2e%2e%2fsecret.txt",
            "/..%5csecret.txt",
            "/link.txt",
            "/" + tmp.resolve("secret.txt")
          }) {
        String response = RawHttp.get(server.httpPort(), target);
        assertThat(RawHttp.status(response)).as(target).isIn(400, 404);
        assertThat(response).as(target).doesNotContain("DISK-SECRET");
      }
    }
  }
}
