package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Chromium uses the Squall STUN server as its ICE server: during gathering it sends Binding
 * requests to the server's UDP port and every one it sends is answered (the server counts them as
 * {@code binding_success}; Chromium then drops the srflx candidate because on loopback it equals a
 * host candidate, as shared/MACHINE.md records).
 */
class ChromiumStunE2eTest {

  private static final Pattern UDP_SUCCESS =
      Pattern.compile(
          "^squall_stun_requests_total\\{outcome=\"binding_success\",transport=\"udp\"} (\\S+)$",
          Pattern.MULTILINE);

  @Test
  void chromiumGathersThroughTheSquallStunServer() throws Exception {
    Chromium.requireInstalled();
    try (InProcessServer server = InProcessServer.start();
        Chromium chromium = Chromium.launch(false)) {
      assertThat(udpBindingSuccesses(server)).isZero();
      chromium.driver().get(server.base().toString());

      String state =
          (String)
              ((JavascriptExecutor) chromium.driver())
                  .executeAsyncScript(
                      """
                      const done = arguments[arguments.length - 1];
                      const pc = new RTCPeerConnection({
                        iceServers: [{ urls: 'stun:127.0.0.1:' + arguments[0] }] });
                      pc.createDataChannel('probe');
                      pc.onicegatheringstatechange = () => {
                        if (pc.iceGatheringState === 'complete') {
                          done(pc.iceGatheringState); pc.close();
                        }
                      };
                      pc.setLocalDescription().catch(e => done('error: ' + e));
                      """,
                      server.stunUdpPort());

      assertThat(state).isEqualTo("complete");
      assertThat(udpBindingSuccesses(server)).isPositive();
    }
  }

  private static double udpBindingSuccesses(InProcessServer server) throws Exception {
    Matcher m = UDP_SUCCESS.matcher(Scrape.of(server).text());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
