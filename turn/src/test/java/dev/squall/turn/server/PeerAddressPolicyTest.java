package dev.squall.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The peer address policy on its own: categories, embedded IPv4 forms, switches and CIDRs. */
class PeerAddressPolicyTest {

  private final PeerAddressPolicy strict = PeerAddressPolicy.strict();

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "127.255.255.254, loopback",
    "0.0.0.0, unspecified",
    "0.1.2.3, unspecified",
    "::, unspecified",
    "::1, loopback",
    "::ffff:127.0.0.1, loopback",
    "::ffff:10.0.0.1, private",
    "::127.0.0.1, loopback",
    "::ffff:0:127.0.0.1, loopback",
    "64:ff9b::7f00:1, loopback",
    "64:ff9b::a00:1, private",
    "64:ff9b:1::1, private",
    "2002:7f00:1::, loopback",
    "2002:a9fe:a9fe::1, link-local",
    "2001:0:4136:e378:8000:63bf:80ff:fffe, loopback",
    "10.1.2.3, private",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "100.64.0.1, private",
    "100.127.255.255, private",
    "169.254.169.254, link-local",
    "fe80::1, link-local",
    "fc00::1, private",
    "fd12:3456::1, private",
    "fec0::1, private",
    "224.0.0.1, multicast",
    "239.255.255.250, multicast",
    "ff02::1, multicast",
    "255.255.255.255, broadcast",
    "240.0.0.1, reserved",
    "::2, unspecified",
    "100::1, reserved",
  })
  void strictRefusesEveryNonPublicForm(String literal, String category) {
    assertThat(strict.refusal(ip(literal))).contains(category);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "172.32.0.1",
        "100.128.0.1",
        "192.169.0.1",
        "198.18.0.1",
        "203.0.113.9",
        "2001:4860:4860::8888",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1",
        "2001:db8::1",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7"
      })
  void strictAllowsPublicAddressesInEveryForm(String literal) {
    assertThat(strict.refusal(ip(literal))).isEmpty();
  }

  @Test
  void cve202627624AnIpv4MappedIpv6LoopbackIsRefusedAsLoopback() {
    // an Inet6Address that keeps the mapped form (InetAddress.getByName would unmap it)
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
    InetAddress peer = inet6(mapped);
    assertThat(peer).isInstanceOf(Inet6Address.class);

    assertThat(strict.refusal(peer)).contains(PeerAddressPolicy.LOOPBACK);
    assertThat(strict.allowPrivate(true).refusal(peer)).contains(PeerAddressPolicy.LOOPBACK);
  }

  @Test
  void cve202026262TheUnspecifiedAddressIsRefusedWhatEverSwitchIsOn() {
    PeerAddressPolicy lenient = strict.allowLoopback(true).allowPrivate(true);

    assertThat(lenient.refusal(ip("0.0.0.0"))).contains(PeerAddressPolicy.UNSPECIFIED);
    assertThat(lenient.refusal(ip("::"))).contains(PeerAddressPolicy.UNSPECIFIED);
    assertThat(lenient.refusal(inet6(new byte[16]))).contains(PeerAddressPolicy.UNSPECIFIED);
  }

  @Test
  void switchesAllowTheirCategoryInEveryForm() {
    PeerAddressPolicy loopback = strict.allowLoopback(true);
    PeerAddressPolicy priv = strict.allowPrivate(true);

    for (String s :
        List.of("127.0.0.1", "::1", "::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::")) {
      assertThat(loopback.refusal(ip(s))).as(s).isEmpty();
      assertThat(priv.refusal(ip(s))).as(s).isPresent();
    }
    for (String s : List.of("10.0.0.1", "::ffff:192.168.0.1", "fc00::1", "100.64.0.1")) {
      assertThat(priv.refusal(ip(s))).as(s).isEmpty();
      assertThat(loopback.refusal(ip(s))).as(s).isPresent();
    }
    assertThat(priv.refusal(ip("169.254.169.254"))).contains(PeerAddressPolicy.LINK_LOCAL);
  }

  @Test
  void anAllowCidrWinsOverTheCategoryAndADenyCidrWinsOverEverything() {
    PeerAddressPolicy p =
        strict.allowPrivate(true).allow("169.254.0.0/16").deny("10.9.0.0/16").deny("8.8.8.8");

    assertThat(p.refusal(ip("169.254.1.1"))).isEmpty();
    assertThat(p.refusal(ip("10.9.1.1"))).contains(PeerAddressPolicy.DENIED);
    assertThat(p.refusal(ip("::ffff:10.9.1.1"))).contains(PeerAddressPolicy.DENIED);
    assertThat(p.refusal(ip("64:ff9b::a09:101"))).contains(PeerAddressPolicy.DENIED);
    assertThat(p.refusal(ip("10.8.1.1"))).isEmpty();
    assertThat(p.refusal(ip("8.8.8.8"))).contains(PeerAddressPolicy.DENIED);
    assertThat(p.allow("10.9.0.0/16").refusal(ip("10.9.1.1"))).contains(PeerAddressPolicy.DENIED);
  }

  @Test
  void anAllowedIpv4AddressIsAllowedInItsEmbeddedFormsToo() {
    PeerAddressPolicy p = strict.allow("127.0.0.1/32");

    assertThat(p.refusal(ip("::ffff:127.0.0.1"))).isEmpty();
    assertThat(p.refusal(ip("64:ff9b::7f00:1"))).isEmpty();
    assertThat(p.refusal(ip("127.0.0.2"))).contains(PeerAddressPolicy.LOOPBACK);
  }

  @Test
  void serverAddressesAreRefusedInEveryFormUnlessExempted() {
    PeerAddressPolicy p = strict.withServerAddresses(List.of(ip("203.0.113.1")));

    assertThat(p.refusal(ip("203.0.113.1"))).contains(PeerAddressPolicy.SERVER_ADDRESS);
    assertThat(p.refusal(ip("64:ff9b::cb00:7101"))).contains(PeerAddressPolicy.SERVER_ADDRESS);
    assertThat(p.refusal(ip("203.0.113.1"), true)).isEmpty();
    assertThat(p.refusal(ip("203.0.113.2"))).isEmpty();
    assertThat(p.isServerAddress(ip("2002:cb00:7101::"))).isTrue();
  }

  @Test
  void cidrsMustBeLiterals() {
    assertThatThrownBy(() -> strict.allow("example.com/24"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> strict.deny("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> strict.deny("10.0.0.0/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(strict.deny("fc00::/7").refusal(ip("fd00::1"))).contains(PeerAddressPolicy.DENIED);
    assertThat(strict.deny("::ffff:10.0.0.0/104").refusal(ip("10.0.0.1")))
        .contains(PeerAddressPolicy.DENIED);
  }

  static InetAddress ip(String literal) {
    return TurnHarness.ip(literal);
  }

  static InetAddress inet6(byte[] bytes) {
    try {
      return Inet6Address.getByAddress(null, bytes, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
