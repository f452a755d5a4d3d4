package dev.squall.e2e.nat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The NAT lab is what the relay tests claim it is: both sites reach the public namespace, neither
 * site reaches the other by any address, and traffic leaves a site with its NAT's address.
 */
class NatLabTest {

  private static NatLab lab;

  @BeforeAll
  static void build() throws Exception {
    lab = NatLab.create();
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void bothSitesReachThePublicServerAddress() throws Exception {
    assertThat(ping(lab.hostA(), NatLab.SERVER_IP)).isZero();
    assertThat(ping(lab.hostB(), NatLab.SERVER_IP)).isZero();
  }

  @Test
  void noSiteReachesTheOtherDirectly() throws Exception {
    assertThat(ping(lab.hostA(), NatLab.NAT_B_WAN)).isNotZero();
    assertThat(ping(lab.hostA(), NatLab.HOST_B)).isNotZero();
    assertThat(ping(lab.hostB(), NatLab.NAT_A_WAN)).isNotZero();
    assertThat(ping(lab.hostB(), NatLab.HOST_A)).isNotZero();
  }

  @Test
  void thePublicSideCannotReachAHostBehindItsNat() throws Exception {
    assertThat(ping(lab.publicNamespace(), NatLab.HOST_A)).isNotZero();
    assertThat(ping(lab.publicNamespace(), NatLab.NAT_A_WAN)).isZero();
  }

  private static int ping(String ns, String address) throws Exception {
    return NatLab.exitCodeIn(ns, "ping", "-n", "-q", "-c", "1", "-W", "1", address);
  }
}
