package dev.squall.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.signal.message.ClientMessage;
import dev.squall.signal.message.Relay;
import dev.squall.signal.message.ServerMessage;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayDecoderTest {

  private final SignalingCodec codec = new SignalingCodec();
  private final RelayDecoder decoder = new RelayDecoder(codec.jsonFactory());

  private RelayFrame decode(String json) {
    byte[] b = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
    return decoder.decode(b, 2, b.length - 4);
  }

  private static String sealed(RelayFrame f, String from) {
    f.seal(RelayFrame.prefix(f.type, from));
    return new String(f.bytes(), f.offset(), f.length(), StandardCharsets.UTF_8);
  }

  @Test
  void splicesFromInFrontOfThePayloadBytes() {
    RelayFrame f =
        decode(
            "{ \"sdp\" : \"v=0\\r\\n\\u0041\" , \"type\":\"offer\",\"x\":[1,{\"y\":2}],\"to\":\"p1\""
                + ",\"ref\":\"r\"}");
    assertThat(f.type).isEqualTo("offer");
    assertThat(f.to).isEqualTo("p1");
    assertThat(f.ref.textValue()).isEqualTo("r");
    assertThat(sealed(f, "me"))
        .isEqualTo("{\"type\":\"offer\",\"from\":\"me\",\"sdp\":\"v=0\\r\\n\\u0041\"}");
  }

  @Test
  void keepsCandidateAndDataValuesExactly() {
    String cand =
        "{\"candidate\":\"candidate:1 1 udp 1 1.2.3.4 5 typ host\",\"sdpMid\":null,\"x\":{}}";
    RelayFrame c = decode("{\"type\":\"candidate\",\"to\":\"p2\",\"candidate\":" + cand + "\n}");
    assertThat(sealed(c, "a"))
        .isEqualTo("{\"type\":\"candidate\",\"from\":\"a\",\"candidate\":" + cand + "}");
    RelayFrame n = decode("{\"type\":\"candidate\",\"to\":\"p2\",\"candidate\":null}");
    assertThat(sealed(n, "a"))
        .isEqualTo("{\"type\":\"candidate\",\"from\":\"a\",\"candidate\":null}");
    RelayFrame m = decode("{\"type\":\"message\",\"data\":[1.50, \"é\", {\"a\":null}]}");
    assertThat(m.to).isNull();
    assertThat(sealed(m, "a"))
        .isEqualTo("{\"type\":\"message\",\"from\":\"a\",\"data\":[1.50, \"é\", {\"a\":null}]}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"join\",\"room\":\"r\",\"name\":\"n\"}",
        "{\"type\":\"offer\",\"sdp\":\"x\"}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":1}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"x\",\"ref\":1}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"x\",\"ref\":{}}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"x\",\"sdp\":\"y\"}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"x\"} {}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"x\"",
        "{\"type\":\"candidate\",\"to\":\"p\",\"candidate\":{\"sdpMid\":\"0\"}}",
        "{\"type\":\"candidate\",\"to\":\"p\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":70000}}",
        "{\"type\":\"candidate\",\"to\":\"p\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":1.0}}",
        "{\"type\":\"message\",\"to\":5,\"data\":1}",
        "{\"type\":\"message\",\"to\":\"p\"}",
        "{\"type\":\"message\",\"data\":NaN}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"a\u0001\"}",
        " {\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"x\"}",
      })
  void leavesEverythingElseToTheFullDecoder(String json) {
    assertThat(decode(json)).isNull();
  }

  @Test
  void refusesNumbersLongerThanTheTreeAccepts() {
    String big = "1".repeat(201);
    assertThat(decode("{\"type\":\"message\",\"data\":[" + big + "]}")).isNull();
    assertThat(decode("{\"type\":\"message\",\"data\":[" + "1".repeat(200) + "]}")).isNotNull();
  }

  /**
   * Whatever the frame, the fast path either declines, or means what the full decoder means: the
   * same relay, and a relayed frame that decodes to the same message as re-encoding would give.
   */
  @Property(tries = 3000)
  void agreesWithTheFullDecoder(@ForAll("frames") String json) throws SignalingException {
    RelayFrame f = decode(json);
    Statistics.collect(f == null ? "declined" : "fast");
    if (f == null) {
      return;
    }
    ClientMessage m = codec.decodeClient(json);
    assertThat(m).isInstanceOf(Relay.class);
    Relay r = (Relay) m;
    assertThat(r.type()).isEqualTo(f.type);
    assertThat(r.to()).isEqualTo(f.to);
    assertThat(r.ref()).isEqualTo(f.ref);
    ServerMessage viaTree = codec.decodeServer(codec.encode(r.from("p9")));
    ServerMessage viaSplice = codec.decodeServer(sealed(f, "p9"));
    assertThat(viaSplice).isEqualTo(viaTree);
  }

  @Provide
  Arbitrary<String> frames() {
    Arbitrary<String> type = Arbitraries.of("offer", "answer", "candidate", "message", "ping");
    Arbitrary<String> value =
        Arbitraries.of(
            "\"v=0\\r\\na=x\"",
            "\"\\ud83d\\ude00 é\"",
            "null",
            "1",
            "-0",
            "1.0e3",
            "true",
            "[1, [2, {\"a\":\"b\"}]]",
            "{\"candidate\":\"c\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"u\"}",
            "{\"candidate\":\"c\",\"sdpMLineIndex\":65535,\"extra\":[null]}",
            "{\"candidate\":\"c\",\"sdpMLineIndex\":-1}",
            "{\"candidate\":null}",
            "{}",
            "\"p1\"",
            "\"a\\qb\"",
            "01",
            "[1,]");
    Arbitrary<String> field =
        Arbitraries.frequency(
            net.jqwik.api.Tuple.of(1, "type"),
            net.jqwik.api.Tuple.of(1, "to"),
            net.jqwik.api.Tuple.of(1, "sdp"),
            net.jqwik.api.Tuple.of(1, "candidate"),
            net.jqwik.api.Tuple.of(1, "data"),
            net.jqwik.api.Tuple.of(1, "ref"),
            net.jqwik.api.Tuple.of(8, "x"),
            net.jqwik.api.Tuple.of(4, "from"));
    Arbitrary<String> member =
        Combinators.combine(field, value, type, Arbitraries.integers().between(0, 3))
            .as(
                (f, v, t, ws) ->
                    "\""
                        + f
                        + "\""
                        + " ".repeat(ws)
                        + ":"
                        + (f.equals("type") ? "\"" + t + "\"" : v));
    Arbitrary<String> payload =
        Arbitraries.oneOf(
            Combinators.combine(Arbitraries.of("sdp", "candidate", "data"), value)
                .as((f, v) -> "\"" + f + "\":" + v),
            Arbitraries.of(
                "\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 0.0.0.0\"",
                "\"candidate\":{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}",
                "\"data\":{\"k\":[true,false,null,1e-3]}"));
    Arbitrary<java.util.List<String>> members =
        Combinators.combine(
                type.map(t -> "\"type\":\"" + t + "\""),
                Arbitraries.of("\"to\":\"p1\"", "\"to\":\"p1\",\"ref\":\"r1\"", "\"to\":null"),
                payload,
                member.list().ofMaxSize(2))
            .as(
                (t, to, pl, rest) -> {
                  java.util.List<String> all = new java.util.ArrayList<>(rest);
                  all.add(t);
                  all.add(to);
                  all.add(pl);
                  return all;
                })
            .flatMap(Arbitraries::shuffle);
    return Combinators.combine(members, Arbitraries.of(",", " , ", ",\n"))
        .as((ms, sep) -> "{" + String.join(sep, ms) + "}");
  }
}
