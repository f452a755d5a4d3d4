package dev.squall.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class SdpParseErrorTest {
  private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  private static SdpParseException error(String sdp) {
    return catchThrowableOfType(SdpParseException.class, () -> SessionDescription.parse(sdp));
  }

  @Test
  void namesLineNumberLineAndExpectation() {
    SdpParseException e = error(HEAD + "m=application nine UDP/DTLS/SCTP webrtc-datachannel\r\n");
    assertThat(e.lineNumber()).isEqualTo(5);
    assertThat(e.line()).isEqualTo("m=application nine UDP/DTLS/SCTP webrtc-datachannel");
    assertThat(e.expected()).contains("m= port");
    assertThat(e.getMessage()).startsWith("line 5 \"m=application nine").contains("expected");
  }

  @Test
  void malformedKnownAttributeIsLocated() {
    SdpParseException e =
        error(
            HEAD
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\nc=IN IP4 0.0.0.0\n"
                + "a=mid:0\na=fingerprint:sha-256 ZZ:00\n");
    assertThat(e.lineNumber()).isEqualTo(8);
    assertThat(e.line()).isEqualTo("a=fingerprint:sha-256 ZZ:00");
    assertThat(e.expected()).contains("fingerprint");
  }

  @Test
  void unknownAttributesAreKeptVerbatim() throws SdpParseException {
    String sdp = HEAD + "a=x-weird: anything : goes\r\na=flag\r\na=empty:\r\n";
    SessionDescription sd = SessionDescription.parse(sdp);
    assertThat(sd.attributes())
        .containsExactly(
            Attribute.of("x-weird", " anything : goes"),
            Attribute.flag("flag"),
            Attribute.of("empty", ""));
    assertThat(sd.toString()).isEqualTo(sdp);
  }

  @Test
  void rfc8866ExampleRoundTrips() throws SdpParseException {
    String sdp =
        "v=0\r\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\ns=Call to John Smith\r\n"
            + "i=SDP Offer #1\r\nu=http://www.jdoe.example.com/home.html\r\n"
            + "e=Jane Doe <jane@jdoe.example.com>\r\np=+1 617 555-6011\r\nc=IN IP4 198.51.100.1\r\n"
            + "t=0 0\r\nm=audio 49170 RTP/AVP 0\r\nm=audio 49180 RTP/AVP 0\r\n"
            + "m=video 51372 RTP/AVP 99\r\nc=IN IP6 2001:db8::2\r\na=rtpmap:99 h263-1998/90000\r\n";
    SessionDescription sd = SessionDescription.parse(sdp);
    assertThat(sd.information()).isEqualTo("SDP Offer #1");
    assertThat(sd.emails()).containsExactly("Jane Doe <jane@jdoe.example.com>");
    assertThat(sd.connection()).isEqualTo(new Connection("IN", "IP4", "198.51.100.1"));
    assertThat(sd.media()).hasSize(3);
    assertThat(sd.media().get(2).rtpMaps())
        .containsExactly(new RtpMap(99, "h263-1998", 90000, null));
    assertThat(sd.toString()).isEqualTo(sdp);
  }

  @Test
  void repeatsZoneKeyBandwidthAndPortCountRoundTrip() throws SdpParseException {
    String sdp =
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nb=AS:100\r\nt=3034423619 3042462419\r\n"
            + "r=604800 3600 0 90000\r\nt=0 0\r\nz=2882844526 -1h 2898848070 0\r\nk=prompt\r\n"
            + "m=video 49170/2 RTP/AVP 31\r\ni=cam\r\nc=IN IP4 233.252.0.1/127\r\nb=TIAS:64000\r\n"
            + "k=prompt\r\na=recvonly\r\n";
    SessionDescription sd = SessionDescription.parse(sdp);
    assertThat(sd.timings()).hasSize(2);
    assertThat(sd.timings().get(0).repeats()).containsExactly("604800 3600 0 90000");
    assertThat(sd.media().get(0).portCount()).isEqualTo(2);
    assertThat(sd.media().get(0).direction()).contains(Direction.RECVONLY);
    assertThat(sd.toString()).isEqualTo(sdp);
  }

  @Test
  void rejectsBadStructure() {
    assertThat(error("").lineNumber()).isEqualTo(1);
    assertThat(error("v=1\r\n").expected()).contains("v=0");
    assertThat(error("v=0\r\ns=-\r\n").expected()).startsWith("o=");
    assertThat(error("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\na=x\r\n").expected())
        .startsWith("t=");
    assertThat(error(HEAD + "\r\n").lineNumber()).isEqualTo(5);
    assertThat(error(HEAD + "c=IN IP4 0.0.0.0\r\n").expected()).contains("RFC 8866 order");
    assertThat(error(HEAD + "a=a=b\r\n").expected()).contains("attribute name");
    assertThat(error(HEAD + "X=1\r\n").expected()).contains("<type>=<value>");
    assertThat(error(HEAD + "a=rtcp-mux:yes\r\n").expected()).contains("without a value");
    assertThat(error(HEAD + "m=audio 9 RTP/AVP\r\n").expected()).contains("m=");
    assertThat(error(HEAD + "a=mid:0\ra=x\r\n").expected()).contains("CR");
    assertThat(error("v=0\r\no=- x 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n").lineNumber())
        .isEqualTo(2);
    assertThatThrownBy(() -> SessionDescription.parse(null)).isInstanceOf(SdpParseException.class);
    assertThat(error(HEAD + "a=x:" + "y".repeat(SessionDescription.MAX_LENGTH)).expected())
        .contains("at most");
  }
}
