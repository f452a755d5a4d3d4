package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StartFailureTest {

  @Test
  void busyHttpPortIsAClearError() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      SquallServer server = new SquallServer(TestServers.config().httpPort(port).build());
      assertThatThrownBy(server::start)
          .isInstanceOfSatisfying(
              PortInUseException.class,
              e -> {
                assertThat(e.listener()).isEqualTo("http");
                assertThat(e.port()).isEqualTo(port);
              })
          .hasMessage("port " + port + " on 127.0.0.1 is already in use (http)");
      // a failed start releases everything; stop is then a no-op
      server.close();
    }
  }

  @Test
  void unknownHostIsAClearError() {
    SquallServer server =
        new SquallServer(TestServers.config().host("no-such-host.invalid").build());
    assertThatThrownBy(server::start)
        .isInstanceOf(ServerStartException.class)
        .hasMessage("cannot bind to host 'no-such-host.invalid': unknown host");
  }

  @Test
  void startTwiceIsRefused() {
    try (SquallServer server = new SquallServer(TestServers.config().build())) {
      server.start();
      assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }
  }
}
