package dev.squall.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ByteReaderWriterTest {

  @Test
  void writesNetworkOrder() {
    byte[] b =
        new ByteWriter()
            .putU8(0xAB)
            .putU16(0x0102)
            .putU24(0x030405)
            .putI32(0x06070809)
            .toByteArray();
    assertThat(b).containsExactly(0xAB, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void readPastEndThrowsTruncated() {
    ByteReader r = new ByteReader(new byte[] {1, 2, 3});
    assertThat(r.readU16()).isEqualTo(0x0102);
    assertThatThrownBy(r::readU16).isInstanceOf(TruncatedInputException.class);
    assertThat(r.remaining()).isEqualTo(1);
    assertThatThrownBy(() -> r.readBytes(-1)).isInstanceOf(TruncatedInputException.class);
  }

  @Test
  void sliceIsBounded() {
    ByteReader r = new ByteReader(new byte[] {1, 2, 3, 4, 5}, 1, 3);
    ByteReader s = r.slice(2);
    assertThat(s.readU16()).isEqualTo(0x0203);
    assertThat(s.hasRemaining()).isFalse();
    assertThat(r.readU8()).isEqualTo(4);
    assertThat(r.hasRemaining()).isFalse();
  }

  @Test
  void patchesAndPadding() {
    ByteWriter w = new ByteWriter(1);
    w.putU16(0).putU8(7).padTo(4);
    w.putU16At(0, 0xBEEF);
    assertThat(w.toByteArray()).containsExactly(0xBE, 0xEF, 7, 0);
    assertThatThrownBy(() -> w.putI32At(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Property
  void roundTrip(@ForAll int a, @ForAll long b, @ForAll byte[] bytes) {
    byte[] out =
        new ByteWriter().putI32(a).putI64(b).putU16(bytes.length).putBytes(bytes).toByteArray();
    ByteReader r = new ByteReader(out);
    assertThat(r.readI32()).isEqualTo(a);
    assertThat(r.readI64()).isEqualTo(b);
    assertThat(r.readBytes(r.readU16())).isEqualTo(bytes);
    assertThat(r.hasRemaining()).isFalse();
  }
}
