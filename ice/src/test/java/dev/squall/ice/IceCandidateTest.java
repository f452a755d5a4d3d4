package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Candidate lines as Chromium and Firefox send them (RFC 8839 §5.1 grammar). */
class IceCandidateTest {

  @Test
  void chromiumServerReflexiveWithExtensions() throws Exception {
    IceCandidate c =
        IceCandidate.parse(
            "candidate:842163049 1 udp 1677729535 198.51.100.7 46154 typ srflx raddr 10.0.0.5"
                + " rport 46154 generation 0 ufrag EEtu network-id 3 network-cost 10");
    assertThat(c.foundation()).isEqualTo("842163049");
    assertThat(c.component()).isEqualTo(1);
    assertThat(c.transport()).isEqualTo("udp");
    assertThat(c.priority()).isEqualTo(1677729535L);
    assertThat(c.address()).isEqualTo("198.51.100.7");
    assertThat(c.port()).isEqualTo(46154);
    assertThat(c.type()).isEqualTo(CandidateType.SERVER_REFLEXIVE);
    assertThat(c.relatedAddress()).isEqualTo("10.0.0.5");
    assertThat(c.relatedPort()).isEqualTo(46154);
    assertThat(c.ufrag()).contains("EEtu");
    assertThat(c.extension("generation")).contains("0");
    assertThat(c.extension("network-id")).contains("3");
    assertThat(c.extension("network-cost")).contains("10");
    assertThat(c.isUdp()).isTrue();
    assertThat(c.isMdns()).isFalse();
  }

  @Test
  void chromiumMdnsHost() throws Exception {
    IceCandidate c =
        IceCandidate.parse(
            "a=candidate:3442447574 1 udp 2122260223 4a1f0c9e-3b7d-4c1e-9a77-5a0b2f7d1c33.local"
                + " 54400 typ host generation 0 ufrag AbCd network-id 1");
    assertThat(c.address()).isEqualTo("4a1f0c9e-3b7d-4c1e-9a77-5a0b2f7d1c33.local");
    assertThat(c.isMdns()).isTrue();
    assertThat(c.type()).isEqualTo(CandidateType.HOST);
    assertThat(c.relatedAddress()).isNull();
    assertThat(c.relatedPort()).isEqualTo(-1);
  }

  @Test
  void chromiumTcpActive() throws Exception {
    IceCandidate c =
        IceCandidate.parse(
            "candidate:1604419166 1 tcp 1518280447 192.168.1.20 9 typ host tcptype active"
                + " generation 0 ufrag EEtu network-id 1");
    assertThat(c.transport()).isEqualTo("tcp");
    assertThat(c.tcpType()).isEqualTo("active");
    assertThat(c.port()).isEqualTo(9);
    assertThat(c.isUdp()).isFalse();
  }

  @Test
  void ipv6Host() throws Exception {
    IceCandidate c =
        IceCandidate.parse(
            "candidate:2999745851 1 udp 2122262783 2001:db8::1:2 53421 typ host generation 0");
    assertThat(c.address()).isEqualTo("2001:db8::1:2");
    assertThat(c.port()).isEqualTo(53421);
  }

  @Test
  void firefoxForms() throws Exception {
    IceCandidate host =
        IceCandidate.parse(
            "candidate:0 1 UDP 2122252543 2b1c4f0e-8a4c-4d7d-bd7b-1f6e9c8f3a11.local 60769 typ host");
    assertThat(host.transport()).isEqualTo("udp");
    assertThat(host.isMdns()).isTrue();
    IceCandidate tcp =
        IceCandidate.parse("candidate:1 1 TCP 2105524479 10.0.0.1 9 typ host tcptype active");
    assertThat(tcp.transport()).isEqualTo("tcp");
    assertThat(tcp.tcpType()).isEqualTo("active");
    IceCandidate srflx =
        IceCandidate.parse(
            "candidate:2 1 UDP 1686052863 203.0.113.9 60769 typ srflx raddr 0.0.0.0 rport 0");
    assertThat(srflx.relatedAddress()).isEqualTo("0.0.0.0");
    assertThat(srflx.relatedPort()).isZero();
    IceCandidate relay =
        IceCandidate.parse(
            "candidate:5 1 UDP 92217087 203.0.113.50 61412 typ relay raddr 203.0.113.9 rport 60769");
    assertThat(relay.type()).isEqualTo(CandidateType.RELAYED);
    IceCandidate v6 =
        IceCandidate.parse("candidate:3 1 UDP 2122187007 fe80::1c2b:3ff:fe4d:5e6f 51234 typ host");
    assertThat(v6.address()).isEqualTo("fe80::1c2b:3ff:fe4d:5e6f");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "candidate:842163049 1 udp 1677729535 198.51.100.7 46154 typ srflx raddr 10.0.0.5 rport 46154 generation 0 ufrag EEtu network-id 3 network-cost 10",
        "candidate:1 1 tcp 2105524479 10.0.0.1 9 typ host tcptype active",
        "candidate:x+/ 256 udp 4294967295 abc.local 65535 typ prflx",
        "candidate:2999745851 1 udp 2122262783 2001:db8::1:2 53421 typ host generation 0"
      })
  void formatRoundTrips(String line) throws Exception {
    IceCandidate c = IceCandidate.parse(line);
    assertThat(c.format()).isEqualTo(line);
    assertThat(IceCandidate.parse(c.format())).isEqualTo(c);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "candidate:",
        "candidate:1 1 udp 1 1.2.3.4 5",
        "candidate:1 1 udp 1 1.2.3.4 5 type host",
        "candidate:1 1 udp 1 1.2.3.4 5 typ banana",
        "candidate:1 0 udp 1 1.2.3.4 5 typ host",
        "candidate:1 257 udp 1 1.2.3.4 5 typ host",
        "candidate:1 1 udp 4294967296 1.2.3.4 5 typ host",
        "candidate:1 1 udp -1 1.2.3.4 5 typ host",
        "candidate:1 1 udp 1 1.2.3.4 65536 typ host",
        "candidate:1 1 udp 1 1.2.3.4.5 5 typ host",
        "candidate:1 1 udp 1 1.2.3.256 5 typ host",
        "candidate:1 1 udp 1 x_y.local 5 typ host",
        "candidate:1 1 udp 1 1.2.3.4 5 typ host generation",
        "candidate:1 1 udp 1 1.2.3.4 5 typ srflx raddr nope! rport 0",
        "candidate:123456789012345678901234567890123 1 udp 1 1.2.3.4 5 typ host",
        "candidate:a-b 1 udp 1 1.2.3.4 5 typ host",
        "candidate:1 1 udp 1 :::::::::: 5 typ host"
      })
  void rejectsMalformedLines(String line) {
    assertThatThrownBy(() -> IceCandidate.parse(line)).isInstanceOf(CandidateParseException.class);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> IceCandidate.parse(null)).isInstanceOf(CandidateParseException.class);
  }
}
