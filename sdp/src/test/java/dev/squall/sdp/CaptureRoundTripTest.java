package dev.squall.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaptureRoundTripTest {

  static List<String> captures() {
    return Captures.sdpNames();
  }

  @Test
  void capturesArePresent() {
    assertThat(captures())
        .contains(
            "chromium-datachannel-offer.sdp",
            "chromium-av-data-offer.sdp",
            "chromium-simulcast-offer.sdp",
            "chromium-av-data-answer.sdp",
            "firefox-datachannel-offer.sdp",
            "firefox-av-data-offer.sdp",
            "firefox-simulcast-offer.sdp",
            "firefox-av-data-answer.sdp");
  }

  @ParameterizedTest
  @MethodSource("captures")
  void writesBackExactlyWhatItParsed(String name) throws SdpParseException {
    String text = Captures.text(name);
    assertThat(text).contains("\r\n");
    assertThat(SessionDescription.parse(text).toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @MethodSource("captures")
  void acceptsLfLineEndsAndWritesCrlf(String name) throws SdpParseException {
    String text = Captures.text(name);
    String lf = text.replace("\r\n", "\n");
    assertThat(SessionDescription.parse(lf).toString()).isEqualTo(text);
    // a missing final line end is tolerated too
    assertThat(SessionDescription.parse(lf.stripTrailing()).toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @MethodSource("captures")
  void parsedModelEqualsReparsedModel(String name) throws SdpParseException {
    SessionDescription sd = Captures.parse(name);
    assertThat(SessionDescription.parse(sd.toString())).isEqualTo(sd);
    int lines = Captures.text(name).split("\r\n").length;
    int modelLines =
        3
            + sd.timings().size()
            + sd.attributes().size()
            + sd.media().stream()
                .mapToInt(
                    m -> 1 + m.connections().size() + m.bandwidths().size() + m.attributes().size())
                .sum();
    assertThat(modelLines).as("every line lands in the model").isEqualTo(lines);
  }
}
