package dev.squall.stun;

import static dev.squall.stun.Rfc5769Vectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.attribute.Fingerprint;
import dev.squall.stun.attribute.IceControlled;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Priority;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorMappedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 5769 test vectors: decode, check every attribute, verify integrity and fingerprint, and
 * re-encode. The RFC pads §2.1–§2.3 with spaces (to show receivers must ignore padding) while this
 * encoder pads with zeros, so those three are compared up to MESSAGE-INTEGRITY after zeroing the
 * vector's padding, and the rebuilt message must verify; §2.4 is zero-padded and must come out
 * identical byte for byte.
 */
class Rfc5769Test {

  private static final byte[] SHORT_KEY = StunCredentials.shortTermKey(SHORT_TERM_PASSWORD);
  private static final TransactionId TID = TransactionId.of(hex("b7e7a701bc34d686fa87dfae"));

  @Test
  void sampleRequest() throws Exception {
    StunMessage m = StunMessage.decode(SAMPLE_REQUEST);

    assertThat(m.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
    assertThat(m.transactionId()).isEqualTo(TID);
    List<StunAttribute> a = m.attributes();
    assertThat(a).hasSize(6);
    assertThat(a.get(0)).isEqualTo(new Software("STUN test client"));
    assertThat(a.get(1)).isEqualTo(new Priority(0x6e0001ffL));
    assertThat(a.get(2)).isEqualTo(new IceControlled(0x932ff9b151263b36L));
    assertThat(a.get(3)).isEqualTo(new Username("evtj:h6vY"));
    assertThat(a.get(4))
        .isEqualTo(new MessageIntegrity(hex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")));
    assertThat(a.get(5)).isEqualTo(new Fingerprint(0xe57a3bcf));

    assertThat(m.verifyIntegrity(SHORT_KEY)).isTrue();
    assertThat(m.verifyIntegrity(StunCredentials.shortTermKey("wrong"))).isFalse();
    assertThat(m.verifyFingerprint()).isTrue();
    assertThat(m.encode()).isEqualTo(SAMPLE_REQUEST);

    StunMessage rebuilt =
        StunMessage.builder(m.type(), m.transactionId())
            .addAll(a.subList(0, 4))
            .addMessageIntegrity(SHORT_KEY)
            .addFingerprint()
            .build();
    assertSameUpToIntegrity(rebuilt.encode(), SAMPLE_REQUEST);
  }

  @Test
  void sampleIpv4Response() throws Exception {
    StunMessage m = StunMessage.decode(SAMPLE_IPV4_RESPONSE);

    assertThat(m.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
    assertThat(m.transactionId()).isEqualTo(TID);
    assertThat(m.attributes()).hasSize(4);
    assertThat(m.attributes().get(0)).isEqualTo(new Software("test vector"));
    assertThat(m.attribute(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
    assertThat(m.attributes().get(2))
        .isEqualTo(new MessageIntegrity(hex("2b91f599fd9e90c38c7489f92af9ba53f06be7d7")));
    assertThat(m.attributes().get(3)).isEqualTo(new Fingerprint(0xc07d4c96));
    assertThat(m.verifyIntegrity(SHORT_KEY)).isTrue();
    assertThat(m.verifyFingerprint()).isTrue();

    StunMessage rebuilt =
        StunMessage.builder(m.type(), m.transactionId())
            .addAll(m.attributes().subList(0, 2))
            .addMessageIntegrity(SHORT_KEY)
            .addFingerprint()
            .build();
    assertSameUpToIntegrity(rebuilt.encode(), SAMPLE_IPV4_RESPONSE);
  }

  @Test
  void sampleIpv6Response() throws Exception {
    StunMessage m = StunMessage.decode(SAMPLE_IPV6_RESPONSE);

    assertThat(m.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
    assertThat(m.transactionId()).isEqualTo(TID);
    assertThat(m.attributes()).hasSize(4);
    assertThat(m.attributes().get(0)).isEqualTo(new Software("test vector"));
    assertThat(m.attribute(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(
            new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
    assertThat(m.attributes().get(2))
        .isEqualTo(new MessageIntegrity(hex("a382954e4be67bf11784c97c8292c275bfe3ed41")));
    assertThat(m.attributes().get(3)).isEqualTo(new Fingerprint(0xc8fb0b4c));
    assertThat(m.verifyIntegrity(SHORT_KEY)).isTrue();
    assertThat(m.verifyFingerprint()).isTrue();

    StunMessage rebuilt =
        StunMessage.builder(m.type(), m.transactionId())
            .addAll(m.attributes().subList(0, 2))
            .addMessageIntegrity(SHORT_KEY)
            .addFingerprint()
            .build();
    assertSameUpToIntegrity(rebuilt.encode(), SAMPLE_IPV6_RESPONSE);
  }

  @Test
  void sampleLongTermRequest() throws Exception {
    StunMessage m = StunMessage.decode(SAMPLE_LONG_TERM_REQUEST);

    assertThat(m.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
    assertThat(m.transactionId()).isEqualTo(TransactionId.of(hex("78ad3433c6ad72c029da412e")));
    assertThat(m.attributes())
        .containsExactly(
            new Username(LONG_TERM_USERNAME),
            new Nonce(LONG_TERM_NONCE),
            new Realm(LONG_TERM_REALM),
            new MessageIntegrity(hex("f67024656dd64a3e02b8e0712e85c9a28ca89666")));
    assertThat(m.hasFingerprint()).isFalse();
    assertThat(m.verifyFingerprint()).isFalse();

    byte[] key =
        StunCredentials.longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, LONG_TERM_PASSWORD);
    assertThat(key)
        .isEqualTo(StunCredentials.longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, "TheMatrIX"));
    assertThat(m.verifyIntegrity(key)).isTrue();
    assertThat(
            m.verifyIntegrity(
                StunCredentials.longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, "TheMatrix")))
        .isFalse();

    StunMessage rebuilt =
        StunMessage.builder(m.type(), m.transactionId())
            .addAll(m.attributes().subList(0, 3))
            .addMessageIntegrity(key)
            .build();
    assertThat(rebuilt.encode()).isEqualTo(SAMPLE_LONG_TERM_REQUEST);
  }

  @Test
  void paddingBytesAreCoveredByIntegrity() throws Exception {
    // The vector's integrity covers its space padding: zeroing it must break MESSAGE-INTEGRITY.
    StunMessage zeroed = StunMessage.decode(zeroPadding(SAMPLE_REQUEST));
    assertThat(zeroed.attributes()).isEqualTo(StunMessage.decode(SAMPLE_REQUEST).attributes());
    assertThat(zeroed.verifyIntegrity(SHORT_KEY)).isFalse();
  }

  /**
   * The rebuilt message equals the vector (with zeroed padding) up to MESSAGE-INTEGRITY, has the
   * same length, and its own integrity and fingerprint verify.
   */
  private static void assertSameUpToIntegrity(byte[] rebuilt, byte[] vector) throws Exception {
    byte[] expected = zeroPadding(vector);
    int integrityAt = vector.length - 8 - 24;
    assertThat(rebuilt).hasSameSizeAs(vector);
    assertThat(Arrays.copyOf(rebuilt, integrityAt)).isEqualTo(Arrays.copyOf(expected, integrityAt));
    StunMessage m = StunMessage.decode(rebuilt);
    assertThat(m.verifyIntegrity(SHORT_KEY)).isTrue();
    assertThat(m.verifyFingerprint()).isTrue();
  }

  /** A copy with every attribute's padding set to zero. */
  static byte[] zeroPadding(byte[] message) {
    byte[] out = message.clone();
    int at = StunMessage.HEADER_LENGTH;
    while (at < out.length) {
      int length = ((out[at + 2] & 0xFF) << 8) | (out[at + 3] & 0xFF);
      int padded = (length + 3) & ~3;
      Arrays.fill(out, at + 4 + length, at + 4 + padded, (byte) 0);
      at += 4 + padded;
    }
    return out;
  }
}
