package dev.squall.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Any input either parses or fails with SdpParseException; what parses writes back stably. */
class SdpFuzzTest {

  @Property(tries = 1000)
  void randomTextNeverEscapesParseException(@ForAll @StringLength(max = 300) String text) {
    checkParse(text);
    checkParse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + text);
  }

  @Property(tries = 1000)
  void randomCandidatesNeverEscapeParseException(@ForAll("candidateish") String text) {
    try {
      Candidate c = Candidate.parse(text);
      assertThat(Candidate.parse(c.toString())).isEqualTo(c);
    } catch (SdpParseException expected) {
      // fine
    }
  }

  @Property(tries = 1000)
  void mutatedCapturesNeverEscapeParseException(@ForAll("mutatedCaptures") String text) {
    checkParse(text);
  }

  private static void checkParse(String text) {
    SessionDescription sd;
    try {
      sd = SessionDescription.parse(text);
    } catch (SdpParseException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return;
    }
    String written = sd.toString();
    try {
      SessionDescription again = SessionDescription.parse(written);
      assertThat(again).isEqualTo(sd);
      assertThat(again.toString()).isEqualTo(written);
      // every typed accessor works on whatever parsed
      for (Attributed a : concat(sd)) {
        a.candidates();
        a.fingerprints();
        a.setup();
        a.rtpMaps();
        a.fmtps();
        a.rtcpFeedbacks();
        a.extMaps();
        a.ssrcs();
        a.ssrcGroups();
        a.msids();
        a.simulcast();
        a.rids();
        a.groups();
        a.sctpPort();
        a.maxMessageSize();
        a.iceOptions();
        a.direction();
      }
    } catch (SdpParseException e) {
      throw new AssertionError("written SDP does not parse: " + written, e);
    }
  }

  private static List<Attributed> concat(SessionDescription sd) {
    List<Attributed> all = new ArrayList<>(sd.media());
    all.add(sd);
    return all;
  }

  @Provide
  Arbitrary<String> candidateish() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(
                "typ",
                "host",
                "udp",
                "tcp",
                "raddr",
                "rport",
                "tcptype",
                "active",
                "generation",
                "fd77::1",
                "10.0.0.1",
                "x.local",
                "0",
                "65535",
                "4294967295",
                "99999999999999999999",
                "::",
                ":::",
                "-1",
                "candidate:1"),
            Arbitraries.strings().ofMaxLength(6));
    return word.list().ofMaxSize(14).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> mutatedCaptures() {
    List<String> captures = Captures.sdpNames().stream().map(Captures::text).toList();
    return Arbitraries.randomValue(r -> mutate(captures.get(r.nextInt(captures.size())), r));
  }

  private static final char[] SPECIAL = {
    ' ', ':', '/', '\r', '\n', '=', '0', '9', '\0', '~', ';', '\u00e9'
  };

  private static String mutate(String text, Random r) {
    StringBuilder sb = new StringBuilder(text);
    int count = 1 + r.nextInt(4);
    for (int i = 0; i < count; i++) {
      if (sb.isEmpty()) {
        sb.append('v');
      }
      int at = r.nextInt(sb.length());
      char c = r.nextBoolean() ? (char) r.nextInt(128) : SPECIAL[r.nextInt(SPECIAL.length)];
      switch (r.nextInt(6)) {
        case 0 -> sb.setCharAt(at, c);
        case 1 -> sb.insert(at, c);
        case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(40)));
        case 3 -> sb.setLength(at);
        case 4 -> {
          // duplicate the line around 'at'
          int start = sb.lastIndexOf("\n", at) + 1;
          int end = sb.indexOf("\n", at);
          if (end > start) {
            sb.insert(start, sb.substring(start, end + 1));
          }
        }
        default -> sb.insert(at, "18446744073709551616");
      }
    }
    return sb.toString();
  }
}
