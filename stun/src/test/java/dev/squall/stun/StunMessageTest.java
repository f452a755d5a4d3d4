package dev.squall.stun;

import static dev.squall.stun.Rfc5769Vectors.SAMPLE_IPV4_RESPONSE;
import static dev.squall.stun.Rfc5769Vectors.SAMPLE_REQUEST;
import static dev.squall.stun.Rfc5769Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.stun.attribute.Fingerprint;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.RawAttribute;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorMappedAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StunMessageTest {

  private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);
  private static final TransactionId TID = TransactionId.random(new SplittableRandom(7));

  @Test
  void messageTypeBitsInterleaveMethodAndClass() {
    assertThat(StunMessageType.BINDING_REQUEST.encode()).isEqualTo(0x0001);
    assertThat(StunMessageType.BINDING_INDICATION.encode()).isEqualTo(0x0011);
    assertThat(StunMessageType.BINDING_SUCCESS.encode()).isEqualTo(0x0101);
    assertThat(StunMessageType.BINDING_ERROR.encode()).isEqualTo(0x0111);
    assertThat(new StunMessageType(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE).encode())
        .isEqualTo(0x0113);
    assertThat(new StunMessageType(StunMethod.CHANNEL_BIND, StunClass.SUCCESS_RESPONSE).encode())
        .isEqualTo(0x0109);
    assertThat(new StunMessageType(new StunMethod(0xFFF), StunClass.REQUEST).encode())
        .isEqualTo(0x3EEF);
  }

  @Property
  void messageTypeRoundTrips(
      @ForAll @IntRange(min = 0, max = 0xFFF) int method, @ForAll StunClass messageClass) {
    StunMessageType type = new StunMessageType(new StunMethod(method), messageClass);
    assertThat(type.encode() & 0xC000).isZero();
    assertThat(StunMessageType.decode(type.encode())).isEqualTo(type);
  }

  @Test
  void decodesASliceOfALargerArray() throws Exception {
    byte[] framed = new byte[SAMPLE_REQUEST.length + 10];
    System.arraycopy(SAMPLE_REQUEST, 0, framed, 7, SAMPLE_REQUEST.length);
    StunMessage m = StunMessage.decode(framed, 7, SAMPLE_REQUEST.length);
    assertThat(m.encode()).isEqualTo(SAMPLE_REQUEST);
    assertThat(m.verifyFingerprint()).isTrue();
    assertThat(StunMessage.looksLikeStun(framed, 7, SAMPLE_REQUEST.length)).isTrue();
    assertThat(StunMessage.looksLikeStun(framed, 7, SAMPLE_REQUEST.length - 4)).isFalse();
  }

  @Test
  void looksLikeStunChecksBitsCookieAndLength() {
    assertThat(StunMessage.looksLikeStun(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length))
        .isTrue();
    byte[] rtp = SAMPLE_REQUEST.clone();
    rtp[0] = (byte) 0x80;
    assertThat(StunMessage.looksLikeStun(rtp, 0, rtp.length)).isFalse();
    byte[] noCookie = SAMPLE_REQUEST.clone();
    noCookie[4] = 0;
    assertThat(StunMessage.looksLikeStun(noCookie, 0, noCookie.length)).isFalse();
    byte[] oddLength = SAMPLE_REQUEST.clone();
    oddLength[3] = 0x59;
    assertThat(StunMessage.looksLikeStun(oddLength, 0, oddLength.length)).isFalse();
    assertThat(StunMessage.looksLikeStun(SAMPLE_REQUEST, 0, 19)).isFalse();
    assertThat(StunMessage.looksLikeStun(null, 0, 20)).isFalse();
    assertThat(StunMessage.looksLikeStun(SAMPLE_REQUEST, 100, 20)).isFalse();
  }

  @Test
  void rejectsMalformedHeaders() {
    assertMalformed(null);
    assertMalformed(new byte[0]);
    assertMalformed(Arrays.copyOf(SAMPLE_REQUEST, 19));
    assertMalformed(Arrays.copyOf(SAMPLE_REQUEST, SAMPLE_REQUEST.length - 4)); // length mismatch
    byte[] topBits = SAMPLE_REQUEST.clone();
    topBits[0] |= 0x40;
    assertMalformed(topBits);
    byte[] cookie = SAMPLE_REQUEST.clone();
    cookie[7] ^= 1;
    assertMalformed(cookie);
    assertMalformed(hex("0001 0002 2112a442 000000000000000000000000 0000"));
    assertThatThrownBy(() -> StunMessage.decode(SAMPLE_REQUEST, -1, 20))
        .isInstanceOf(StunException.class);
    assertThatThrownBy(() -> StunMessage.decode(SAMPLE_REQUEST, 100, 20))
        .isInstanceOf(StunException.class);
  }

  @Test
  void rejectsMalformedAttributes() {
    String header = "0001 %04x 2112a442 000102030405060708090a0b ";
    // value overruns the message
    assertMalformed(hex(String.format(header, 8) + "0020 0040 00010000"));
    // XOR-MAPPED-ADDRESS with an unknown family, and with a length that does not fit the family
    assertMalformed(hex(String.format(header, 12) + "0020 0008 00030000 00000000"));
    assertMalformed(hex(String.format(header, 16) + "0020 000c 00010000 0000000000000000"));
    // MESSAGE-INTEGRITY of 4 bytes, FINGERPRINT of 8 bytes
    assertMalformed(hex(String.format(header, 8) + "0008 0004 deadbeef"));
    assertMalformed(hex(String.format(header, 12) + "8028 0008 0000000000000000"));
    // USERNAME that is not UTF-8
    assertMalformed(hex(String.format(header, 8) + "0006 0002 c328 0000"));
    // ERROR-CODE class 2, and number 100
    assertMalformed(hex(String.format(header, 8) + "0009 0004 00000200"));
    assertMalformed(hex(String.format(header, 8) + "0009 0004 00000464"));
    // UNKNOWN-ATTRIBUTES with an odd length; USE-CANDIDATE with a value
    assertMalformed(hex(String.format(header, 8) + "000a 0003 000100 00"));
    assertMalformed(hex(String.format(header, 8) + "0025 0001 00000000"));
  }

  @Test
  void unknownAttributesAreKeptRaw() throws Exception {
    byte[] wire =
        hex("0001 0010 2112a442 000102030405060708090a0b 7777 0003 616263 00 c001 0000 0000 0000");
    StunMessage m = StunMessage.decode(wire);
    assertThat(m.attributes())
        .containsExactly(
            new RawAttribute(0x7777, "abc".getBytes(StandardCharsets.US_ASCII)),
            new RawAttribute(0xC001, new byte[0]),
            new RawAttribute(0x0000, new byte[0]));
    assertThat(m.attributes().get(0).isComprehensionRequired()).isTrue();
    assertThat(m.attributes().get(1).isComprehensionRequired()).isFalse();
  }

  @Test
  void integrityAndFingerprintVerifyTogether() throws Exception {
    StunMessage m =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TID)
            .add(new Username("alice:bob"))
            .addMessageIntegrity(KEY)
            .addMessageIntegritySha256(KEY)
            .addFingerprint()
            .build();
    StunMessage decoded = StunMessage.decode(m.encode());
    assertThat(decoded.verifyMessageIntegrity(KEY)).isTrue();
    assertThat(decoded.verifyMessageIntegritySha256(KEY)).isTrue();
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
    assertThat(decoded.verifyFingerprint()).isTrue();
    assertThat(decoded.verifyIntegrity("other".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(decoded.verifyIntegrity(new byte[0])).isFalse();
    assertThat(decoded.verifyIntegrity(null)).isFalse();
  }

  @Test
  void truncatedSha256IntegrityVerifies() throws Exception {
    StunMessage m =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TID)
            .add(new Software("x"))
            .addMessageIntegritySha256(KEY, 16)
            .build();
    StunMessage decoded = StunMessage.decode(m.encode());
    assertThat(decoded.attribute(MessageIntegritySha256.class).orElseThrow().hmac()).hasSize(16);
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
    assertThat(decoded.verifyMessageIntegrity(KEY)).isFalse(); // absent
    assertThatThrownBy(
            () ->
                StunMessage.builder(StunMessageType.BINDING_REQUEST, TID)
                    .addMessageIntegritySha256(KEY, 18))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFlippedByteBreaksIntegrityOrFingerprint() throws Exception {
    byte[] wire =
        StunMessage.builder(StunMessageType.BINDING_SUCCESS, TID)
            .add(new XorMappedAddress(new InetSocketAddress("192.0.2.7", 4242)))
            .add(new Software("Squall"))
            .addMessageIntegrity(KEY)
            .addFingerprint()
            .build()
            .encode();
    for (int i = 0; i < wire.length; i++) {
      byte[] tampered = wire.clone();
      tampered[i] ^= 0x01;
      StunMessage m;
      try {
        m = StunMessage.decode(tampered);
      } catch (StunException e) {
        continue; // structurally broken: also detected
      }
      assertThat(m.verifyFingerprint() && m.verifyIntegrity(KEY)).as("byte %d", i).isFalse();
    }
  }

  @Test
  void attributesAfterIntegrityDoNotChangeItsVerification() throws Exception {
    byte[] base =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TID)
            .add(new Username("u"))
            .addMessageIntegrity(KEY)
            .build()
            .encode();
    // append SOFTWARE "zz" after MESSAGE-INTEGRITY, fixing only the length field
    byte[] extended = Arrays.copyOf(base, base.length + 8);
    System.arraycopy(hex("8022 0002 7a7a 0000"), 0, extended, base.length, 8);
    extended[3] = (byte) (extended.length - 20);
    StunMessage m = StunMessage.decode(extended);
    assertThat(m.attributes()).hasSize(3);
    assertThat(m.verifyIntegrity(KEY)).isTrue();
  }

  @Test
  void fingerprintMustBeLast() throws Exception {
    byte[] base =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TID).addFingerprint().build().encode();
    byte[] extended = Arrays.copyOf(base, base.length + 4);
    System.arraycopy(hex("8022 0000"), 0, extended, base.length, 4);
    extended[3] = (byte) (extended.length - 20);
    StunMessage m = StunMessage.decode(extended);
    assertThat(m.hasFingerprint()).isTrue();
    assertThat(m.verifyFingerprint()).isFalse();
  }

  @Test
  void builderRefusesAttributesAfterFingerprint() {
    StunMessageBuilder b =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TID).addFingerprint();
    assertThatThrownBy(() -> b.add(new Software("late"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.addMessageIntegrity(KEY)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.add(new Fingerprint(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builderEnforcesTheMessageLengthLimit() {
    StunMessageBuilder b =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TID)
            .add(new RawAttribute(0x7000, new byte[40_000]));
    assertThatThrownBy(() -> b.add(new RawAttribute(0x7001, new byte[40_000])))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void attributeValueLimitsAreEnforced() {
    assertThatThrownBy(() -> new Software("x".repeat(128)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Software("\u30de".repeat(127)).value()).hasSize(127);
    assertThatThrownBy(() -> new Username("x".repeat(513)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Username("\ud800")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MessageIntegrity(new byte[19]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RawAttribute(0x10000, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new XorMappedAddress(InetSocketAddress.createUnresolved("x", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void softwareOfMoreThan763BytesIsRejectedWhenDecoding() {
    byte[] wire = new byte[20 + 4 + 764];
    System.arraycopy(hex("0001 0300 2112a442 000102030405060708090a0b 8022 02fc"), 0, wire, 0, 24);
    Arrays.fill(wire, 24, wire.length, (byte) 'a');
    assertMalformed(wire);
  }

  @Test
  void accessorsFindFirstAttributeAndCopyWireBytes() throws Exception {
    StunMessage m = StunMessage.decode(SAMPLE_REQUEST);
    assertThat(m.attribute(Software.class)).contains(new Software("STUN test client"));
    assertThat(m.attribute(0x0006)).contains(new Username("evtj:h6vY"));
    assertThat(m.attribute(0x1234)).isEmpty();
    assertThat(m.encodedLength()).isEqualTo(SAMPLE_REQUEST.length);
    byte[] copy = m.encode();
    copy[0] = 0x7F;
    assertThat(m.encode()).isEqualTo(SAMPLE_REQUEST);
  }

  private static void assertMalformed(byte[] data) {
    assertThatThrownBy(() -> StunMessage.decode(data)).isInstanceOf(StunException.class);
  }
}
