package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzing the candidate parser: nothing but {@link CandidateParseException} ever escapes. */
class IceCandidatePropertiesTest {

  private static final String VALID =
      "candidate:842163049 1 udp 1677729535 198.51.100.7 46154 typ srflx raddr 10.0.0.5 rport"
          + " 46154 generation 0 ufrag EEtu network-id 3 network-cost 10";

  @Property(tries = 2000)
  void arbitraryTextOnlyThrowsTheParseException(@ForAll("noise") String line) {
    parseQuietly(line);
  }

  @Property(tries = 2000)
  void mutatedValidLinesOnlyThrowTheParseException(
      @ForAll("tokenIndex") int index, @ForAll("noise") String replacement) {
    String[] tokens = VALID.split(" ");
    tokens[index % tokens.length] = replacement;
    parseQuietly(String.join(" ", tokens));
  }

  @Property(tries = 500)
  void formatThenParseIsIdentity(@ForAll("candidates") IceCandidate c) throws Exception {
    assertThat(IceCandidate.parse(c.format())).isEqualTo(c);
  }

  private static void parseQuietly(String line) {
    try {
      IceCandidate c = IceCandidate.parse(line);
      assertThat(c.format()).startsWith("candidate:");
    } catch (CandidateParseException expected) {
      // the only exception allowed
    }
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.strings()
            .withChars("candidate:0123456789 .:abcdeftyphostudp-")
            .ofMaxLength(120),
        Arbitraries.strings().all().ofMaxLength(2000));
  }

  @Provide
  Arbitrary<Integer> tokenIndex() {
    return Arbitraries.integers().between(0, 40);
  }

  @Provide
  Arbitrary<IceCandidate> candidates() {
    Arbitrary<String> foundation =
        Arbitraries.strings().withChars("abcXYZ0189+/").ofMinLength(1).ofMaxLength(32);
    Arbitrary<String> address =
        Arbitraries.oneOf(
            Arbitraries.integers()
                .between(0, 255)
                .list()
                .ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3)),
            Arbitraries.strings()
                .withChars("0123456789abcdef-")
                .ofMinLength(1)
                .ofMaxLength(36)
                .map(s -> "x" + s + ".local"),
            Arbitraries.of("2001:db8::1", "::1", "fe80::1c2b:3ff:fe4d:5e6f"));
    Arbitrary<List<IceCandidate.Extension>> extensions =
        Combinators.combine(
                Arbitraries.of("generation", "ufrag", "network-id", "network-cost", "x-foo"),
                Arbitraries.strings().withChars("abc019").ofMinLength(1).ofMaxLength(8))
            .as(IceCandidate.Extension::new)
            .list()
            .ofMaxSize(4);
    return Combinators.combine(
            foundation,
            Arbitraries.integers().between(1, 256),
            Arbitraries.of("udp", "tcp"),
            Arbitraries.longs().between(0, 0xFFFF_FFFFL),
            address,
            Arbitraries.integers().between(0, 65535),
            Arbitraries.of(CandidateType.class),
            extensions)
        .as(
            (f, comp, tr, prio, addr, port, type, ext) ->
                new IceCandidate(
                    f,
                    comp,
                    tr,
                    prio,
                    addr,
                    port,
                    type,
                    type == CandidateType.HOST ? null : "10.0.0.1",
                    type == CandidateType.HOST ? -1 : 9,
                    tr.equals("tcp") ? "passive" : null,
                    ext));
  }
}
