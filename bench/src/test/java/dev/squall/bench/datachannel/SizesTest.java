package dev.squall.bench.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void parsesPlainNumbersAndBinarySuffixes() {
    assertThat(Sizes.parse("65536")).isEqualTo(65536);
    assertThat(Sizes.parse("64KiB")).isEqualTo(65536);
    assertThat(Sizes.parse("64k")).isEqualTo(65536);
    assertThat(Sizes.parse("64MiB")).isEqualTo(64L << 20);
    assertThat(Sizes.parse("1GiB")).isEqualTo(1L << 30);
    assertThat(Sizes.parse(" 2 g ")).isEqualTo(2L << 30);
    assertThat(Sizes.parse("100b")).isEqualTo(100);
  }

  @Test
  void rejectsGarbageNegativesAndOverflow() {
    assertThatThrownBy(() -> Sizes.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sizes.parse("-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sizes.parse("1MiBx")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sizes.parse("9223372036854775807GiB"))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void messagesForRoundsUp() {
    assertThat(Sizes.messagesFor(1L << 30, 65536)).isEqualTo(16384);
    assertThat(Sizes.messagesFor(65537, 65536)).isEqualTo(2);
    assertThat(Sizes.messagesFor(0, 100)).isZero();
    assertThatThrownBy(() -> Sizes.messagesFor(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
