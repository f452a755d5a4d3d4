package dev.squall.stun;

import static dev.squall.stun.Rfc5769Vectors.SAMPLE_IPV6_RESPONSE;
import static dev.squall.stun.Rfc5769Vectors.SAMPLE_LONG_TERM_REQUEST;
import static dev.squall.stun.Rfc5769Vectors.SAMPLE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunFramingTest {

  @Test
  void totalLengthComesFromTheHeader() throws Exception {
    assertThat(StunFraming.HEADER_LENGTH).isEqualTo(20);
    assertThat(StunFraming.totalLength(SAMPLE_REQUEST, 0, 4)).isEqualTo(SAMPLE_REQUEST.length);
    assertThat(StunFraming.totalLength(SAMPLE_REQUEST, 0, 3)).isEqualTo(-1);
  }

  @Test
  void cutsAStreamOfMessagesDeliveredInOddChunks() throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (byte[] m : List.of(SAMPLE_REQUEST, SAMPLE_IPV6_RESPONSE, SAMPLE_LONG_TERM_REQUEST)) {
      stream.write(m);
    }
    byte[] all = stream.toByteArray();
    List<byte[]> cut = new ArrayList<>();
    byte[] buffer = new byte[0];
    for (int at = 0; at < all.length; at += 7) { // 7-byte chunks, never aligned with messages
      byte[] chunk = Arrays.copyOfRange(all, at, Math.min(all.length, at + 7));
      buffer = concat(buffer, chunk);
      int total;
      while ((total = StunFraming.totalLength(buffer, 0, buffer.length)) > 0
          && buffer.length >= total) {
        cut.add(Arrays.copyOf(buffer, total));
        buffer = Arrays.copyOfRange(buffer, total, buffer.length);
      }
    }
    assertThat(buffer).isEmpty();
    assertThat(cut).containsExactly(SAMPLE_REQUEST, SAMPLE_IPV6_RESPONSE, SAMPLE_LONG_TERM_REQUEST);
    for (byte[] m : cut) {
      assertThat(StunMessage.decode(m).encode()).isEqualTo(m);
    }
  }

  @Test
  void rejectsBytesThatCannotStartAMessage() {
    assertThatThrownBy(() -> StunFraming.totalLength(new byte[] {(byte) 0x80, 0, 0, 0}, 0, 4))
        .isInstanceOf(StunException.class);
    assertThatThrownBy(() -> StunFraming.totalLength(new byte[] {0, 1, 0, 6}, 0, 4))
        .isInstanceOf(StunException.class);
    assertThatThrownBy(() -> StunFraming.totalLength(new byte[4], 2, 4))
        .isInstanceOf(StunException.class);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
