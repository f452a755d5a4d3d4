package dev.squall.stun.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunArbitraries;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.TransactionId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** decode(encode(x)) == x for every attribute record, alone and in lists. */
class AttributeRoundTripTest {

  @Property(tries = 1000)
  void everyAttributeRoundTrips(
      @ForAll("attributes") StunAttribute attribute, @ForAll("tids") TransactionId tid)
      throws Exception {
    StunMessage built =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, tid).add(attribute).build();
    byte[] wire = built.encode();

    assertThat(wire.length % 4).isZero();
    StunMessage decoded = StunMessage.decode(wire);
    assertThat(decoded.attributes()).containsExactly(attribute);
    assertThat(decoded.transactionId()).isEqualTo(tid);
    assertThat(decoded).isEqualTo(built);
  }

  @Property(tries = 500)
  void attributeListsRoundTripInOrder(
      @ForAll("lists") List<StunAttribute> attributes, @ForAll("tids") TransactionId tid)
      throws Exception {
    StunMessage built =
        StunMessage.builder(StunMessageType.BINDING_SUCCESS, tid).addAll(attributes).build();

    assertThat(StunMessage.decode(built.encode()).attributes())
        .containsExactlyElementsOf(attributes);
  }

  @Example
  void generatorCoversEveryAttributeRecord() {
    Set<Class<?>> generated =
        StunArbitraries.attributes()
            .sampleStream()
            .limit(5000)
            .map(Object::getClass)
            .collect(Collectors.toSet());
    assertThat(generated)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.asList(StunAttribute.class.getPermittedSubclasses()));
  }

  @Provide
  Arbitrary<StunAttribute> attributes() {
    return StunArbitraries.attributes();
  }

  @Provide
  Arbitrary<List<StunAttribute>> lists() {
    return StunArbitraries.attributesExceptFingerprint().list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<TransactionId> tids() {
    return StunArbitraries.transactionIds();
  }
}
