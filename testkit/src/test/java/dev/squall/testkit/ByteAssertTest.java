package dev.squall.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteAssertTest {

  @Test
  void passesOnEqualArraysAndFailsAtTheFirstDifference() {
    assertThatCode(() -> ByteAssert.assertHex("01 02 03", new byte[] {1, 2, 3}))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> ByteAssert.assertBytes("header", new byte[] {1, 2, 3}, new byte[] {1, 9, 3}))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("header: byte arrays differ at offset 1")
        .hasMessageContaining("01 09 03");
    assertThatThrownBy(() -> ByteAssert.assertBytes(new byte[] {1, 2}, new byte[] {1, 2, 3}))
        .hasMessageContaining("offset 2")
        .hasMessageContaining("expected 2, actual 3");
    assertThatThrownBy(() -> ByteAssert.assertBytes(new byte[0], null))
        .isInstanceOf(AssertionError.class);
  }
}
