package dev.squall.interop.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.peer.Description;
import org.junit.jupiter.api.Test;

/**
 * The smallest reproduction of the first libdatachannel interop failure: the Java peer must accept
 * the descriptions libdatachannel (npm node-datachannel 0.33.4) writes. They carry {@code
 * a=ice-options:ice2,trickle} (comma-separated, where RFC 8839 §5.6 has space-separated tokens);
 * browsers and libwebrtc accept it, so the Java peer must as well. Captured from a real run.
 */
class LibDataChannelSdpTest {

  private static final String ANSWER =
      "v=0\r\n"
          + "o=rtc 1461233379 0 IN IP4 127.0.0.1\r\n"
          + "s=-\r\n"
          + "t=0 0\r\n"
          + "a=group:BUNDLE 0\r\n"
          + "a=msid-semantic:WMS *\r\n"
          + "a=ice-options:ice2,trickle\r\n"
          + "a=fingerprint:sha-256 E4:D7:DC:30:A2:23:70:21:EC:8C:24:AE:A2:34:FB:04:2B:B5:2E:1F:E8:38"
          + ":FD:27:F3:0E:19:D1:ED:24:17:2E\r\n"
          + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
          + "c=IN IP4 0.0.0.0\r\n"
          + "a=mid:0\r\n"
          + "a=sendrecv\r\n"
          + "a=sctp-port:5000\r\n"
          + "a=max-message-size:262144\r\n"
          + "a=setup:active\r\n"
          + "a=ice-ufrag:EQ4N\r\n"
          + "a=ice-pwd:UT5yVVrZ9ijGtyqjoVYS8e\r\n";

  @Test
  void libDataChannelsAnswerIsAccepted() throws Exception {
    Description answer = Description.answer(ANSWER);
    assertThat(answer.sdpText()).contains("a=sctp-port:5000");
  }
}
