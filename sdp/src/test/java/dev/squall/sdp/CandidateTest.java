package dev.squall.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CandidateTest {

  static List<String> browserCandidates() {
    List<String> out = new java.util.ArrayList<>();
    out.addAll(Captures.text("chromium-candidates.txt").lines().toList());
    out.addAll(Captures.text("handwritten-mdns-candidates.txt").lines().toList());
    return out;
  }

  @ParameterizedTest
  @MethodSource("browserCandidates")
  void browserFormsRoundTrip(String text) throws SdpParseException {
    Candidate c = Candidate.parse(text);
    assertThat(c.toString()).isEqualTo(text);
    assertThat(Candidate.parse("a=" + text)).isEqualTo(c);
    assertThat(Candidate.parse(text.substring("candidate:".length()))).isEqualTo(c);
    assertThat(c.toAttribute().toString()).isEqualTo("a=" + text);
  }

  @Test
  void rfc8839HostAndServerReflexive() throws Exception {
    Candidate host = Candidate.parse("a=candidate:1 1 UDP 2130706431 203.0.113.141 8998 typ host");
    assertThat(host.foundation()).isEqualTo("1");
    assertThat(host.component()).isEqualTo(1);
    assertThat(host.transportType()).isEqualTo(Candidate.Transport.UDP);
    assertThat(host.transport()).isEqualTo("UDP");
    assertThat(host.priority()).isEqualTo(2130706431L);
    assertThat(host.port()).isEqualTo(8998);
    assertThat(host.candidateType()).isEqualTo(Candidate.Type.HOST);
    assertThat(host.extensions()).isEmpty();
    assertThat(host.value()).isEqualTo("1 1 UDP 2130706431 203.0.113.141 8998 typ host");

    Candidate srflx =
        Candidate.parse(
            "candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 203.0.113.141 rport 8998");
    assertThat(srflx.candidateType()).isEqualTo(Candidate.Type.SRFLX);
    assertThat(srflx.relatedAddress()).isEqualTo("203.0.113.141");
    assertThat(srflx.relatedPort()).isEqualTo(8998);
    assertThat(srflx.ipAddress())
        .contains(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 3}));
  }

  @Test
  void rfc6544TcpActiveAndChromiumIpv6Tcp() throws SdpParseException {
    Candidate tcp =
        Candidate.parse("candidate:1 1 TCP 2128609279 10.0.1.1 9 typ host tcptype active");
    assertThat(tcp.transportType()).isEqualTo(Candidate.Transport.TCP);
    assertThat(tcp.tcpType()).contains(Candidate.TcpType.ACTIVE);
    Candidate v6 =
        Candidate.parse(
            "candidate:2013969396 1 tcp 1518285567 fd77::1 9 typ host tcptype active generation 0 ufrag kasK network-id 2");
    assertThat(v6.isIpv6()).isTrue();
    assertThat(v6.ipAddress()).isPresent();
    assertThat(v6.generation()).hasValue(0);
    assertThat(v6.ufrag()).contains("kasK");
    assertThat(v6.networkId()).hasValue(2);
    assertThat(v6.networkCost()).isEmpty();
  }

  @Test
  void mdnsHostNameIsKeptAndNeverResolved() throws SdpParseException {
    Candidate c =
        Candidate.parse(Captures.text("handwritten-mdns-candidates.txt").lines().findFirst().get());
    assertThat(c.isMdns()).isTrue();
    assertThat(c.address()).isEqualTo("3f1e52b4-5b87-4a6e-9cd3-a1f0c6c1b2d7.local");
    assertThat(c.ipAddress()).isEmpty();
  }

  @Test
  void relayWithNetworkCostAndUnknownExtensionsInOrder() throws SdpParseException {
    String text =
        "candidate:4234997325 1 udp 41885695 198.51.100.9 3478 typ relay raddr 203.0.113.7 rport 54321 generation 0 x-new 7 network-cost 10";
    Candidate c = Candidate.parse(text);
    assertThat(c.candidateType()).isEqualTo(Candidate.Type.RELAY);
    assertThat(c.networkCost()).hasValue(10);
    assertThat(c.extension("x-new")).contains("7");
    assertThat(c.extensions())
        .extracting(Candidate.Extension::name)
        .containsExactly("generation", "x-new", "network-cost");
    assertThat(c.toString()).isEqualTo(text);
  }

  @Test
  void builtCandidateMatchesBrowserForm() {
    Candidate c =
        Candidate.of("1", 1, "udp", 2122260223L, "127.0.0.1", 5000, "host")
            .withExtension("generation", "0");
    assertThat(c.toString())
        .isEqualTo("candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host generation 0");
    assertThat(c.withRelated("0.0.0.0", 0).value()).contains("typ host raddr 0.0.0.0 rport 0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "candidate:",
        "candidate:1 1 udp 1 10.0.0.1 5000 host",
        "candidate:1 1 udp 1 10.0.0.1 5000 typ",
        "candidate:1 0 udp 1 10.0.0.1 5000 typ host",
        "candidate:1 1 udp 4294967296 10.0.0.1 5000 typ host",
        "candidate:1 1 udp 1 10.0.0.1 65536 typ host",
        "candidate:1 1 udp 1 10.0.0.1 -1 typ host",
        "candidate:1 1 udp 1 fd77:::1 5000 typ host",
        "candidate:1 1 udp 1 bad_host!.local 5000 typ host",
        "candidate:a-b 1 udp 1 10.0.0.1 5000 typ host",
        "candidate:123456789012345678901234567890123 1 udp 1 10.0.0.1 5000 typ host",
        "candidate:1 1 udp 1 10.0.0.1 5000 typ host generation",
        "candidate:1 1 tcp 1 10.0.0.1 9 typ host tcptype sideways",
        "candidate:1 1 udp 1 10.0.0.1 5000 typ host generation x",
        "candidate:1  1 udp 1 10.0.0.1 5000 typ host",
        "candidate:1 1 udp 1 10.0.0.1 5000 typ host raddr 10.0.0.2 rport 99999",
      })
  void rejectsMalformedCandidates(String text) {
    assertThatThrownBy(() -> Candidate.parse(text)).isInstanceOf(SdpParseException.class);
  }
}
