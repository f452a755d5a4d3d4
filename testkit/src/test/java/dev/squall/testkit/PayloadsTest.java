package dev.squall.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadsTest {

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() {
    assertThat(new Payloads(5).bytes(64)).isEqualTo(new Payloads(5).bytes(64));
    assertThat(new Payloads(5).bytes(64)).isNotEqualTo(new Payloads(6).bytes(64));
    Payloads p = new Payloads(1);
    for (int i = 0; i < 100; i++) {
      assertThat(p.bytes(10, 20).length).isBetween(10, 20);
    }
    assertThat(new Payloads(3).text(12)).hasSize(12).matches("[A-Za-z0-9]+");
  }

  @Test
  void numberedPayloadsCarryTheirSequenceAndDetectCorruption() {
    byte[] p = Payloads.numbered(1234, 100);
    assertThat(Payloads.sequenceOf(p)).isEqualTo(1234);
    assertThat(Payloads.verify(p)).isTrue();
    assertThat(p).isNotEqualTo(Payloads.numbered(1235, 100));
    assertThat(java.util.Arrays.copyOfRange(p, 4, 100)).isNotEqualTo(new byte[96]);
    p[50] ^= 1;
    assertThat(Payloads.verify(p)).isFalse();
  }
}
