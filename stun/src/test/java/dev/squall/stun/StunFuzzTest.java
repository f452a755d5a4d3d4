package dev.squall.stun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunServerResult.Outcome;
import dev.squall.stun.attribute.AttributeType;
import dev.squall.util.ByteWriter;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input: random bytes, random bodies behind a valid header, random values for every known
 * attribute type, and valid messages mutated (bit flips, truncation, length-field and
 * attribute-length edits, byte insertion and removal). {@link StunMessage#decode} must throw
 * nothing but {@link StunException}; {@link StunBindingServer#handle} must never throw and only
 * ever send well-formed, fingerprinted responses.
 */
class StunFuzzTest {

  private static final InetSocketAddress SOURCE = new InetSocketAddress("198.51.100.1", 40000);
  private static final Set<Outcome> ANSWERED =
      EnumSet.of(
          Outcome.BINDING_SUCCESS, Outcome.UNKNOWN_ATTRIBUTE_ERROR, Outcome.BAD_REQUEST_ERROR);
  private final StunBindingServer server = new StunBindingServer();

  @Property(tries = 500)
  void randomBytes(@ForAll("randomBytes") byte[] data) throws Exception {
    check(data);
  }

  @Property(tries = 500)
  void randomBodiesBehindAValidHeader(@ForAll("validHeaderRandomBody") byte[] data)
      throws Exception {
    check(data);
  }

  @Property(tries = 1500)
  void randomValuesOfKnownAttributes(@ForAll("knownAttributesRandomValues") byte[] data)
      throws Exception {
    check(data);
  }

  @Property(tries = 1500)
  void mutatedValidMessages(@ForAll("mutated") byte[] data) throws Exception {
    check(data);
  }

  /** Decode, the server, and consistency of whatever decodes. */
  private void check(byte[] data) throws Exception {
    StunMessage decoded = null;
    try {
      decoded = StunMessage.decode(data, 0, data.length);
    } catch (StunException expected) {
      // the one allowed failure
    }
    if (decoded != null) {
      assertThat(decoded.encode()).isEqualTo(data);
      assertThat(StunMessage.looksLikeStun(data, 0, data.length)).isTrue();
      decoded.verifyFingerprint();
      decoded.verifyIntegrity(new byte[] {1});
    }
    StunServerResult result = server.handle(data, 0, data.length, SOURCE);
    assertThat(result).isNotNull();
    assertThat(result.outcome()).isNotNull();
    if (ANSWERED.contains(result.outcome()) && decoded == null) {
      // only an RFC 3489 request (no magic cookie) is answered without decoding as RFC 8489
      assertThat(StunMessage.looksLikeStun(data, 0, data.length)).isFalse();
      assertThat(Arrays.copyOfRange(result.response(), 4, 20))
          .isEqualTo(Arrays.copyOfRange(data, 4, 20));
    } else if (ANSWERED.contains(result.outcome())) {
      StunMessage response = StunMessage.decode(result.response());
      assertThat(response.verifyFingerprint()).isTrue();
      assertThat(response.transactionId()).isEqualTo(decoded.transactionId());
    } else {
      assertThat(result.response()).isNull();
    }
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return StunArbitraries.bytes(0, 200);
  }

  @Provide
  Arbitrary<byte[]> validHeaderRandomBody() {
    return Combinators.combine(
            StunArbitraries.messageTypes(),
            Arbitraries.integers().between(0, 40).flatMap(n -> StunArbitraries.bytes(4 * n, 4 * n)))
        .as((type, body) -> header(type.encode(), body.length).putBytes(body).toByteArray());
  }

  @Provide
  Arbitrary<byte[]> knownAttributesRandomValues() {
    Arbitrary<Integer> types =
        Arbitraries.oneOf(
            Arbitraries.of(Arrays.stream(AttributeType.values()).map(AttributeType::code).toList()),
            Arbitraries.integers().between(0, 0xFFFF));
    Arbitrary<byte[]> tlv =
        Combinators.combine(types, StunArbitraries.bytes(0, 40))
            .as(
                (type, value) -> {
                  ByteWriter w = new ByteWriter();
                  w.putU16(type).putU16(value.length).putBytes(value).padTo(4);
                  return w.toByteArray();
                });
    return Combinators.combine(
            Arbitraries.of(0x0001, 0x0011, 0x0101, 0x0111, 0x0003), tlv.list().ofMaxSize(6))
        .as(
            (type, tlvs) -> {
              ByteWriter body = new ByteWriter();
              tlvs.forEach(body::putBytes);
              byte[] b = body.toByteArray();
              return header(type, b.length).putBytes(b).toByteArray();
            });
  }

  @Provide
  Arbitrary<byte[]> mutated() {
    Arbitrary<byte[]> seeds =
        Arbitraries.oneOf(
            Arbitraries.of(
                    Rfc5769Vectors.SAMPLE_REQUEST,
                    Rfc5769Vectors.SAMPLE_IPV4_RESPONSE,
                    Rfc5769Vectors.SAMPLE_IPV6_RESPONSE,
                    Rfc5769Vectors.SAMPLE_LONG_TERM_REQUEST)
                .map(byte[]::clone),
            StunArbitraries.messages().map(StunMessage::encode));
    Arbitrary<List<int[]>> mutations =
        Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 0xFFFF))
            .as((op, position, value) -> new int[] {op, position, value})
            .list()
            .ofMinSize(1)
            .ofMaxSize(4);
    return Combinators.combine(seeds, mutations)
        .as(
            (seed, ops) -> {
              byte[] data = seed;
              for (int[] op : ops) {
                data = mutate(data, op[0], op[1], op[2]);
              }
              return data;
            });
  }

  private static byte[] mutate(byte[] data, int op, int position, int value) {
    if (data.length == 0) {
      return data;
    }
    byte[] out = data.clone();
    int at = position % data.length;
    switch (op) {
      case 0 -> out[at] ^= (byte) (1 << (value % 8)); // bit flip
      case 1 -> out = Arrays.copyOf(data, at); // truncation
      case 2 -> { // length field: random value, or adjusted by a small delta
        if (out.length >= 4) {
          int length = (value & 1) == 0 ? value : out.length - 20 + (value % 9) - 4;
          out[2] = (byte) (length >>> 8);
          out[3] = (byte) length;
        }
      }
      case 3 -> { // length of one attribute
        int attr = attributeOffset(out, position);
        if (attr >= 0) {
          out[attr + 2] = (byte) (value >>> 8);
          out[attr + 3] = (byte) value;
        }
      }
      case 4 -> { // small edit of one attribute's length
        int attr = attributeOffset(out, position);
        if (attr >= 0) {
          int length = (((out[attr + 2] & 0xFF) << 8) | (out[attr + 3] & 0xFF)) + (value % 9) - 4;
          out[attr + 2] = (byte) (length >>> 8);
          out[attr + 3] = (byte) length;
        }
      }
      case 5 -> { // insert a byte
        out = new byte[data.length + 1];
        System.arraycopy(data, 0, out, 0, at);
        out[at] = (byte) value;
        System.arraycopy(data, at, out, at + 1, data.length - at);
      }
      default -> { // remove a byte
        out = new byte[data.length - 1];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(data, at + 1, out, at, data.length - at - 1);
      }
    }
    return out;
  }

  /**
   * The offset of the n-th attribute (n taken modulo the count), walking well-formed TLVs; -1 if
   * none.
   */
  private static int attributeOffset(byte[] data, int n) {
    int count = 0;
    for (int at = 20;
        at + 4 <= data.length;
        at += 4 + ((((data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF)) + 3) & ~3)) {
      count++;
    }
    if (count == 0) {
      return -1;
    }
    int target = n % count;
    int at = 20;
    for (int i = 0; i < target; i++) {
      at += 4 + ((((data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF)) + 3) & ~3);
    }
    return at;
  }

  private static ByteWriter header(int type, int bodyLength) {
    return new ByteWriter()
        .putU16(type)
        .putU16(bodyLength)
        .putI32(StunMessage.MAGIC_COOKIE)
        .putBytes(new byte[12]);
  }
}
