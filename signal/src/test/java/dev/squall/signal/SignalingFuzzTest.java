package dev.squall.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.squall.signal.message.ClientMessage;
import dev.squall.signal.message.ErrorCode;
import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Ping;
import dev.squall.signal.message.Pong;
import dev.squall.signal.message.ServerMessage;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import dev.squall.util.VirtualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input: random text, random JSON values and mutated valid messages. The codec throws only
 * {@link SignalingException}; the hub answers with an {@code error} (or the valid behaviour) and
 * never throws; the connection stays usable afterwards.
 */
class SignalingFuzzTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final SignalingCodec CODEC = new SignalingCodec();
  private static final List<String> TEMPLATES =
      List.of(
          "{\"type\":\"join\",\"room\":\"demo\",\"name\":\"Ada\",\"token\":\"t\",\"ref\":1}",
          "{\"type\":\"resume\",\"resumeToken\":\"abc\",\"ref\":\"r\"}",
          "{\"type\":\"offer\",\"to\":\"PEER\",\"sdp\":\"v=0\"}",
          "{\"type\":\"answer\",\"to\":\"PEER\",\"sdp\":\"v=0\"}",
          "{\"type\":\"candidate\",\"to\":\"PEER\",\"candidate\":{\"candidate\":\"c\","
              + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"u\"}}",
          "{\"type\":\"candidate\",\"to\":\"PEER\",\"candidate\":null}",
          "{\"type\":\"message\",\"to\":\"PEER\",\"data\":{\"a\":[1,2,{\"b\":null}]}}",
          "{\"type\":\"message\",\"data\":\"broadcast\"}",
          "{\"type\":\"leave\"}",
          "{\"type\":\"ping\",\"id\":42}");

  /** One hub with two members; {@code a} is the connection under attack. */
  private static final class World {
    final VirtualScheduler scheduler = new VirtualScheduler();
    final SignalingHub hub =
        new SignalingHub(
            SignalingConfig.defaults().withRateLimit(1e6, 1_000_000),
            scheduler,
            new SimpleMeterRegistry());
    final FakeConnection a = new FakeConnection("a");
    final FakeConnection b = new FakeConnection("b");
    final String peerB;

    World() {
      hub.connected(a);
      hub.connected(b);
      hub.received(a, new Join("demo", "Ada", null));
      hub.received(b, new Join("demo", "Bob", null));
      scheduler.runPending();
      a.drain();
      peerB = ((Joined) b.drain().get(0)).id();
    }

    /** Feeds {@code text} to the hub and checks the answers and that a stays usable. */
    void attack(String text) {
      hub.receivedText(a, text.replace("PEER", peerB));
      scheduler.runPending();
      List<ServerMessage> answers = a.drain();
      assertThat(answers.size()).isLessThanOrEqualTo(1);
      for (ServerMessage m : answers) {
        if (m instanceof ErrorMessage e) {
          assertThat(e.errorCode()).isPresent().get().isNotEqualTo(ErrorCode.INTERNAL);
        } else {
          assertThat(m).isInstanceOfAny(Pong.class, Joined.class);
        }
      }
      assertThat(a.closed()).isFalse();
      hub.received(a, new Ping(JSON.textNode("still-there")));
      scheduler.runPending();
      assertThat(a.drain()).last().isEqualTo(new Pong(JSON.textNode("still-there")));
    }
  }

  @Property(tries = 150)
  void randomStrings(@ForAll String text) {
    decodeNeverThrowsUnexpectedly(text);
    new World().attack(text);
  }

  @Property(tries = 150)
  void randomJsonValues(@ForAll("jsonValues") JsonNode value) {
    String text = CODEC.write(value);
    decodeNeverThrowsUnexpectedly(text);
    new World().attack(text);
  }

  @Property(tries = 250)
  void mutatedValidMessages(
      @ForAll("templates") String template,
      @ForAll("mutations") Mutation mutation,
      @ForAll("jsonValues") JsonNode replacement) {
    ObjectNode obj = (ObjectNode) parse(template);
    String text = mutation.apply(obj, replacement);
    decodeNeverThrowsUnexpectedly(text);
    new World().attack(text);
  }

  @Property(tries = 50)
  void decodedMessagesRoundTrip(@ForAll("templates") String template) throws Exception {
    ClientMessage m = CODEC.decodeClient(template);
    assertThat(CODEC.decodeClient(CODEC.encode(m))).isEqualTo(m);
  }

  /** What is done to a valid message. */
  enum Mutation {
    DROP_FIELD,
    REPLACE_FIELD,
    ADD_FIELD,
    DEEP_NESTING,
    HUGE_NUMBER,
    TRUNCATE;

    String apply(ObjectNode obj, JsonNode replacement) {
      List<String> names = new ArrayList<>();
      Iterator<String> it = obj.fieldNames();
      it.forEachRemaining(names::add);
      String victim = names.get(Math.floorMod(replacement.hashCode(), names.size()));
      switch (this) {
        case DROP_FIELD -> obj.remove(victim);
        case REPLACE_FIELD -> obj.set(victim, replacement);
        case ADD_FIELD -> obj.set("extra", replacement);
        case DEEP_NESTING -> {
          StringBuilder deep = new StringBuilder();
          int depth = 10 + Math.floorMod(replacement.hashCode(), 500);
          deep.append("[".repeat(depth)).append("]".repeat(depth));
          String s = CODEC.write(obj);
          return s.substring(0, s.length() - 1) + ",\"deep\":" + deep + "}";
        }
        case HUGE_NUMBER -> {
          String s = CODEC.write(obj);
          String big = "9".repeat(150) + "e999999999";
          return s.substring(0, s.length() - 1) + ",\"" + victim + "\":" + big + "}";
        }
        case TRUNCATE -> {
          String s = CODEC.write(obj);
          return s.substring(0, Math.floorMod(replacement.hashCode(), s.length()));
        }
      }
      return CODEC.write(obj);
    }
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.of(TEMPLATES);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Arbitraries.of(Mutation.class);
  }

  @Provide
  Arbitrary<JsonNode> jsonValues() {
    return jsonValue(3);
  }

  private static Arbitrary<JsonNode> jsonValue(int depth) {
    Arbitrary<JsonNode> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) JSON.textNode(s)),
            Arbitraries.integers().map(i -> (JsonNode) JSON.numberNode(i)),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(i -> (JsonNode) JSON.numberNode(i)),
            Arbitraries.doubles().map(d -> (JsonNode) JSON.numberNode(d)),
            Arbitraries.of(true, false).map(b -> (JsonNode) JSON.booleanNode(b)),
            Arbitraries.just((JsonNode) JSON.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> child = Arbitraries.lazy(() -> jsonValue(depth - 1));
    Arbitrary<JsonNode> array =
        child.list().ofMaxSize(4).map(l -> (JsonNode) JSON.arrayNode().addAll(l));
    Arbitrary<JsonNode> object =
        Arbitraries.maps(
                Arbitraries.of("type", "to", "room", "name", "sdp", "data", "ref", "id", "x"),
                child)
            .ofMaxSize(4)
            .map(
                m -> {
                  ObjectNode o = JSON.objectNode();
                  m.forEach(o::set);
                  return (JsonNode) o;
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, array),
        net.jqwik.api.Tuple.of(2, object));
  }

  private static JsonNode parse(String text) {
    try {
      return CODEC.parse(text);
    } catch (SignalingException e) {
      throw new AssertionError(e);
    }
  }

  private static void decodeNeverThrowsUnexpectedly(String text) {
    try {
      CODEC.decodeClient(text);
    } catch (SignalingException expected) {
      assertThat(expected.code()).isNotNull();
    }
  }
}
