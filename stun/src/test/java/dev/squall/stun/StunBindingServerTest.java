package dev.squall.stun;

import static dev.squall.stun.Rfc5769Vectors.SAMPLE_IPV4_RESPONSE;
import static dev.squall.stun.Rfc5769Vectors.SAMPLE_LONG_TERM_REQUEST;
import static dev.squall.stun.Rfc5769Vectors.SAMPLE_REQUEST;
import static dev.squall.stun.Rfc5769Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunServerResult.Outcome;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Fingerprint;
import dev.squall.stun.attribute.RawAttribute;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.UnknownAttributes;
import dev.squall.stun.attribute.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StunBindingServerTest {

  private static final InetSocketAddress V4 = new InetSocketAddress("203.0.113.9", 50123);
  private static final InetSocketAddress V6 = new InetSocketAddress("2001:db8::42", 3478);
  private final StunBindingServer server = new StunBindingServer("Squall test");
  private final SplittableRandom random = new SplittableRandom(42);

  @Test
  void answersABindingRequestWithTheSourceAddress() throws Exception {
    for (InetSocketAddress source : List.of(V4, V6)) {
      TransactionId tid = TransactionId.random(random);
      byte[] request = request(StunMessageType.BINDING_REQUEST, tid).build().encode();

      StunServerResult result = server.handle(request, 0, request.length, source);

      assertThat(result.outcome()).isEqualTo(Outcome.BINDING_SUCCESS);
      StunMessage response = StunMessage.decode(result.response());
      assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
      assertThat(response.transactionId()).isEqualTo(tid);
      assertThat(response.attributes())
          .containsExactly(
              new XorMappedAddress(source),
              new Software("Squall test"),
              response.attribute(Fingerprint.class).orElseThrow());
      assertThat(response.verifyFingerprint()).isTrue();
    }
  }

  @Test
  void answersTheRfc5769RequestsIgnoringTheirCredentials() throws Exception {
    for (byte[] request : List.of(SAMPLE_REQUEST, SAMPLE_LONG_TERM_REQUEST)) {
      byte[] framed = new byte[request.length + 3];
      System.arraycopy(request, 0, framed, 3, request.length);
      StunServerResult result = server.handle(framed, 3, request.length, V4);
      assertThat(result.outcome()).isEqualTo(Outcome.BINDING_SUCCESS);
      assertThat(StunMessage.decode(result.response()).transactionId())
          .isEqualTo(StunMessage.decode(request).transactionId());
    }
  }

  @Test
  void unknownComprehensionRequiredAttributesGet420() throws Exception {
    TransactionId tid = TransactionId.random(random);
    byte[] request =
        request(StunMessageType.BINDING_REQUEST, tid)
            .add(new RawAttribute(0x7777, new byte[] {1, 2, 3}))
            .add(new RawAttribute(0xC001, new byte[4])) // optional: ignored
            .add(new RawAttribute(0x0031, new byte[4])) // unassigned, comprehension-required
            .add(new RawAttribute(0x7777, new byte[0])) // listed once
            .addFingerprint()
            .build()
            .encode();

    StunServerResult result = server.handle(request, 0, request.length, V4);

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN_ATTRIBUTE_ERROR);
    StunMessage response = StunMessage.decode(result.response());
    assertThat(response.type()).isEqualTo(StunMessageType.BINDING_ERROR);
    assertThat(response.transactionId()).isEqualTo(tid);
    assertThat(response.attribute(ErrorCode.class))
        .contains(new ErrorCode(420, "Unknown Attribute"));
    assertThat(response.attribute(UnknownAttributes.class))
        .contains(new UnknownAttributes(List.of(0x7777, 0x0031)));
    assertThat(response.attribute(Software.class)).isPresent();
    assertThat(response.verifyFingerprint()).isTrue();
  }

  @Test
  void onlyOptionalUnknownAttributesOrOnesAfterIntegrityAreIgnored() {
    byte[] request =
        request(StunMessageType.BINDING_REQUEST, TransactionId.random(random))
            .add(new RawAttribute(0xC001, new byte[4]))
            .addMessageIntegrity("k".getBytes())
            .add(new RawAttribute(0x7777, new byte[4]))
            .build()
            .encode();
    assertThat(server.handle(request, 0, request.length, V4).outcome())
        .isEqualTo(Outcome.BINDING_SUCCESS);
  }

  @Test
  void otherMethodsGet400() throws Exception {
    TransactionId tid = TransactionId.random(random);
    StunMessageType allocate = new StunMessageType(StunMethod.ALLOCATE, StunClass.REQUEST);
    byte[] request = request(allocate, tid).build().encode();

    StunServerResult result = server.handle(request, 0, request.length, V4);

    assertThat(result.outcome()).isEqualTo(Outcome.BAD_REQUEST_ERROR);
    StunMessage response = StunMessage.decode(result.response());
    assertThat(response.type()).isEqualTo(allocate.withClass(StunClass.ERROR_RESPONSE));
    assertThat(response.transactionId()).isEqualTo(tid);
    assertThat(response.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(400);
    assertThat(response.verifyFingerprint()).isTrue();
  }

  @Test
  void indicationsAndResponsesAreDroppedSilently() {
    for (StunMessageType type :
        List.of(
            StunMessageType.BINDING_INDICATION,
            StunMessageType.BINDING_SUCCESS,
            StunMessageType.BINDING_ERROR,
            new StunMessageType(StunMethod.SEND, StunClass.INDICATION))) {
      byte[] m = request(type, TransactionId.random(random)).addFingerprint().build().encode();
      StunServerResult result = server.handle(m, 0, m.length, V4);
      assertThat(result.outcome()).isEqualTo(Outcome.DROPPED_UNSUPPORTED);
      assertThat(result.response()).isNull();
    }
    assertThat(server.handle(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length, V4).outcome())
        .isEqualTo(Outcome.DROPPED_UNSUPPORTED);
  }

  @Test
  void badFingerprintIsDroppedAsMalformed() {
    byte[] request = SAMPLE_REQUEST.clone();
    request[request.length - 1] ^= 1;
    StunServerResult result = server.handle(request, 0, request.length, V4);
    assertThat(result.outcome()).isEqualTo(Outcome.DROPPED_MALFORMED);
    assertThat(result.response()).isNull();
  }

  @Test
  void classifiesGarbage() {
    assertDropped(new byte[0], Outcome.DROPPED_NOT_STUN);
    assertDropped(null, Outcome.DROPPED_NOT_STUN);
    assertDropped(
        hex("8060 0001 0000 0000 1234 5678 0000 0000 0000 0000"), Outcome.DROPPED_NOT_STUN);
    assertDropped(new byte[19], Outcome.DROPPED_NOT_STUN);
    assertDropped(new byte[20], Outcome.DROPPED_NOT_STUN); // zero cookie
    assertDropped(
        hex("16 03 01 00 a5 01 00 00 a1 03 03 00 00 00 00 00 00 00 00 00"),
        Outcome.DROPPED_NOT_STUN);
    byte[] wrongLength = SAMPLE_REQUEST.clone();
    wrongLength[3] = 0x5c;
    assertDropped(wrongLength, Outcome.DROPPED_MALFORMED);
    assertDropped(
        hex("0001 0008 2112a442 000102030405060708090a0b 0020 0040 00010000"),
        Outcome.DROPPED_MALFORMED);
    assertThat(server.handle(SAMPLE_REQUEST, 90, 40, V4).outcome())
        .isEqualTo(Outcome.DROPPED_NOT_STUN);
  }

  @Test
  void softwareIsOptional() throws Exception {
    StunBindingServer quiet = new StunBindingServer(null);
    byte[] request =
        request(StunMessageType.BINDING_REQUEST, TransactionId.random(random)).build().encode();
    StunMessage response =
        StunMessage.decode(quiet.handle(request, 0, request.length, V4).response());
    assertThat(response.attribute(Software.class)).isEmpty();
    assertThat(new StunBindingServer().handle(request, 0, request.length, V4).response())
        .isNotNull();
  }

  private void assertDropped(byte[] data, Outcome outcome) {
    StunServerResult result = server.handle(data, 0, data == null ? 0 : data.length, V4);
    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.response()).isNull();
  }

  private static StunMessageBuilder request(StunMessageType type, TransactionId tid) {
    return StunMessage.builder(type, tid);
  }
}
