package dev.squall.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsepBuilderTest {
  private static final Fingerprint FP = Fingerprint.sha256(new byte[] {1, 2, 3});
  private final SplittableRandom random = new SplittableRandom(42);
  private final IceCredentials ice = IceCredentials.random(random);

  @Test
  void randomCredentialsHaveRfc8839Lengths() {
    assertThat(ice.ufrag()).hasSize(IceCredentials.UFRAG_LENGTH).matches("[A-Za-z0-9+/]+");
    assertThat(ice.pwd()).hasSize(IceCredentials.PWD_LENGTH).matches("[A-Za-z0-9+/]+");
    assertThat(IceCredentials.random(random)).isNotEqualTo(ice);
    assertThatThrownBy(() -> new IceCredentials("abc", "x".repeat(22)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("abcd", "x".repeat(21)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataChannelOfferHasJsepLines() throws SdpParseException {
    SessionDescription offer =
        JsepOfferBuilder.dataChannel(ice, FP).session("4611686018427387904", 1).build();
    String expected =
        "v=0\r\no=- 4611686018427387904 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
            + "a=ice-ufrag:"
            + ice.ufrag()
            + "\r\na=ice-pwd:"
            + ice.pwd()
            + "\r\n"
            + "a=ice-options:trickle\r\na=fingerprint:"
            + FP.value()
            + "\r\n"
            + "a=setup:actpass\r\na=mid:0\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n";
    assertThat(offer.toString()).isEqualTo(expected);
    assertThat(SessionDescription.parse(expected)).isEqualTo(offer);
    assertThat(FP.value()).startsWith("sha-256 ").hasSize("sha-256 ".length() + 32 * 3 - 1);
  }

  @Test
  void offerWithCandidatesUsesDefaultCandidate() throws SdpParseException {
    Candidate tcp =
        Candidate.parse("candidate:2 1 tcp 1518214911 10.77.0.1 9 typ host tcptype active");
    Candidate udp = Candidate.parse("candidate:1 1 udp 2122194687 10.77.0.1 50000 typ host");
    SessionDescription offer =
        JsepOfferBuilder.dataChannel(ice, FP)
            .candidates(List.of(tcp, udp))
            .endOfCandidates(true)
            .random(random)
            .build();
    MediaDescription m = offer.media().get(0);
    assertThat(m.port()).isEqualTo(50000);
    assertThat(m.connection()).contains(new Connection("IN", "IP4", "10.77.0.1"));
    assertThat(m.candidates()).containsExactly(tcp, udp);
    assertThat(m.endOfCandidates()).isTrue();
    assertThat(Long.parseLong(offer.origin().sessionId())).isNotNegative();
  }

  @Test
  void answerToChromiumRejectsAudioAndVideoAndKeepsMids() throws SdpParseException {
    SessionDescription offer = Captures.parse("chromium-av-data-offer.sdp");
    SessionDescription answer = JsepAnswerBuilder.forOffer(offer, ice, FP).random(random).build();
    assertThat(answer.media()).hasSize(3);
    MediaDescription audio = answer.media().get(0);
    MediaDescription video = answer.media().get(1);
    MediaDescription data = answer.media().get(2);
    assertThat(audio.media()).isEqualTo("audio");
    assertThat(audio.port()).isZero();
    assertThat(audio.isRejected()).isTrue();
    assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
    assertThat(audio.formats()).isEqualTo(offer.media().get(0).formats());
    assertThat(audio.mid()).contains("0");
    assertThat(video.media()).isEqualTo("video");
    assertThat(video.port()).isZero();
    assertThat(video.mid()).contains("1");
    assertThat(data.port()).isEqualTo(9);
    assertThat(data.mid()).contains("2");
    assertThat(data.setup()).contains(SetupRole.ACTIVE);
    assertThat(data.iceUfrag()).contains(ice.ufrag());
    assertThat(data.fingerprints()).containsExactly(FP);
    assertThat(data.sctpPort()).hasValue(5000);
    assertThat(answer.bundleGroup()).contains(Group.bundle(List.of("2")));
    assertThat(SessionDescription.parse(answer.toString())).isEqualTo(answer);
  }

  @Test
  void answerToFirefoxUsesPassiveWhenConfigured() throws SdpParseException {
    SessionDescription offer = Captures.parse("firefox-av-data-offer.sdp");
    SessionDescription answer =
        JsepAnswerBuilder.forOffer(offer, ice, FP).setup(SetupRole.PASSIVE).random(random).build();
    assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(0, 0, 9);
    assertThat(answer.media())
        .extracting(m -> m.mid().orElseThrow())
        .containsExactly("0", "1", "2");
    assertThat(answer.media().get(2).setup()).contains(SetupRole.PASSIVE);
    assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly("2");
  }

  @Test
  void answerToDataChannelOfferAcceptsIt() throws SdpParseException {
    SessionDescription offer = Captures.parse("chromium-datachannel-offer.sdp");
    SessionDescription answer = JsepAnswerBuilder.forOffer(offer, ice, FP).random(random).build();
    assertThat(answer.media()).hasSize(1);
    assertThat(answer.media().get(0).isRejected()).isFalse();
    assertThat(answer.media().get(0).mid()).contains("0");
    assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly("0");
  }

  @Test
  void offerThatFixedItsRoleGetsTheOpposite() throws SdpParseException {
    SessionDescription offer =
        SessionDescription.parse(
            Captures.text("chromium-datachannel-offer.sdp")
                .replace("a=setup:actpass", "a=setup:active"));
    SessionDescription answer =
        JsepAnswerBuilder.forOffer(offer, ice, FP).setup(SetupRole.ACTIVE).random(random).build();
    assertThat(answer.media().get(0).setup()).contains(SetupRole.PASSIVE);
  }

  @Test
  void answerToVideoOnlyOfferRejectsAllAndHasNoBundle() throws SdpParseException {
    SessionDescription offer = Captures.parse("chromium-simulcast-offer.sdp");
    SessionDescription answer = JsepAnswerBuilder.forOffer(offer, ice, FP).random(random).build();
    assertThat(answer.media())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.port()).isZero();
              assertThat(m.media()).isEqualTo("video");
              assertThat(m.mid()).contains("0");
            });
    assertThat(answer.bundleGroup()).isEmpty();
  }

  @Test
  void answerSetupMustBeActiveOrPassive() {
    SessionDescription offer = JsepOfferBuilder.dataChannel(ice, FP).random(random).build();
    assertThatThrownBy(() -> JsepAnswerBuilder.forOffer(offer, ice, FP).setup(SetupRole.ACTPASS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
