package dev.squall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HexTest {

  @Test
  void decodesVectorsWithWhitespaceCommentsSeparatorsAndPrefixes() {
    byte[] bytes =
        Hex.decode(
            """
            00 01 00 58   # Request type and message length
            21 12 a4 42   // Magic cookie
            0xDE:0xAD be:ef
            """);
    assertThat(bytes)
        .containsExactly(0x00, 0x01, 0x00, 0x58, 0x21, 0x12, 0xa4, 0x42, 0xde, 0xad, 0xbe, 0xef);
    assertThat(Hex.decode("")).isEmpty();
    assertThat(Hex.decode("# only a comment\n")).isEmpty();
  }

  @Test
  void rejectsNonHexAndOddCounts() {
    assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex.decode("zz")).hasMessageContaining("'z'");
  }

  @Test
  void dumpShowsOffsets() {
    byte[] data = new byte[20];
    data[17] = (byte) 0xff;
    assertThat(Hex.dump(data))
        .isEqualTo(
            "0000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00\n" + "0010  00 ff 00 00\n");
  }

  @Property(tries = 100)
  void encodeThenDecodeIsIdentity(@ForAll byte[] data) {
    assertThat(Hex.decode(Hex.encode(data))).isEqualTo(data);
  }
}
