package dev.squall.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed accessors read the values the browsers wrote (see captures/README.md). */
class CaptureAccessorsTest {

  @Test
  void libDataChannelsCommaSeparatedIceOptionsAreReadAsTokens() throws Exception {
    SessionDescription sd = Captures.parse("libdatachannel-datachannel-answer.sdp");
    assertThat(sd.iceOptions()).containsExactly("ice2", "trickle");
    assertThat(sd.trickle()).isTrue();
  }

  @Test
  void chromiumDataChannelOffer() throws SdpParseException {
    SessionDescription sd = Captures.parse("chromium-datachannel-offer.sdp");
    assertThat(sd.version()).isZero();
    assertThat(sd.origin().username()).isEqualTo("-");
    assertThat(sd.origin().sessionVersion()).isEqualTo("2");
    assertThat(sd.sessionName()).isEqualTo("-");
    assertThat(sd.timings()).containsExactly(Timing.UNBOUNDED);
    assertThat(sd.bundleGroup()).contains(Group.bundle(List.of("0")));
    assertThat(sd.attribute("msid-semantic")).contains(Attribute.of("msid-semantic", " WMS"));
    assertThat(sd.media()).hasSize(1);
    MediaDescription m = sd.media().get(0);
    assertThat(m.media()).isEqualTo("application");
    assertThat(m.port()).isEqualTo(44765);
    assertThat(m.protocol()).isEqualTo("UDP/DTLS/SCTP");
    assertThat(m.formats()).containsExactly("webrtc-datachannel");
    assertThat(m.isDataChannel()).isTrue();
    assertThat(m.connection()).contains(new Connection("IN", "IP4", "10.77.0.1"));
    assertThat(m.mid()).contains("0");
    assertThat(m.iceUfrag()).contains("gBPz");
    assertThat(m.icePwd()).contains("fQILtLAk7vT9aJVJ5LgDnqxf");
    assertThat(m.iceOptions()).containsExactly("trickle");
    assertThat(m.trickle()).isTrue();
    assertThat(m.setup()).contains(SetupRole.ACTPASS);
    assertThat(m.sctpPort()).hasValue(5000);
    assertThat(m.maxMessageSize()).hasValue(262144);
    Fingerprint fp = m.fingerprints().get(0);
    assertThat(fp.hashFunction()).isEqualTo("sha-256");
    assertThat(fp.bytes())
        .isEqualTo(
            HexFormat.of()
                .parseHex("72FBC4B9AF646AA6331C77FC8C5ADC943FB25F79750890D966D758FD34D5D754"));
    List<Candidate> c = m.candidates();
    assertThat(c).hasSize(4);
    assertThat(c.get(0).address()).isEqualTo("10.77.0.1");
    assertThat(c.get(0).port()).isEqualTo(44765);
    assertThat(c.get(0).candidateType()).isEqualTo(Candidate.Type.HOST);
    assertThat(c.get(1).isIpv6()).isTrue();
    assertThat(c.get(1).address()).isEqualTo("fd77::1");
    assertThat(c.get(2).transportType()).isEqualTo(Candidate.Transport.TCP);
    assertThat(c.get(2).tcpType()).contains(Candidate.TcpType.ACTIVE);
    assertThat(c.get(2).port()).isEqualTo(9);
    assertThat(c.get(3).networkId()).hasValue(2);
    assertThat(m.endOfCandidates()).isFalse();
  }

  @Test
  void chromiumTrickleOfferUsesDummyAddress() throws SdpParseException {
    MediaDescription m = Captures.parse("chromium-datachannel-offer-trickle.sdp").media().get(0);
    assertThat(m.port()).isEqualTo(9);
    assertThat(m.connection()).contains(Connection.DUMMY);
    assertThat(m.candidates()).isEmpty();
  }

  @Test
  void chromiumAudioVideoDataOffer() throws SdpParseException {
    SessionDescription sd = Captures.parse("chromium-av-data-offer.sdp");
    assertThat(sd.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2");
    assertThat(sd.media())
        .extracting(MediaDescription::media)
        .containsExactly("audio", "video", "application");
    assertThat(sd.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2");
    MediaDescription audio = sd.mediaByMid("0").orElseThrow();
    assertThat(audio.rtcpMux()).isTrue();
    assertThat(audio.direction()).contains(Direction.SENDRECV);
    assertThat(audio.formats()).startsWith("111", "63");
    assertThat(audio.rtpMaps()).contains(new RtpMap(111, "opus", 48000, "2"));
    assertThat(audio.fmtps().get(0).parameterMap())
        .containsEntry("minptime", "10")
        .containsEntry("useinbandfec", "1");
    assertThat(audio.extMaps().get(0))
        .isEqualTo(new ExtMap(1, null, "urn:ietf:params:rtp-hdrext:ssrc-audio-level", null));
    assertThat(audio.rtcpFeedbacks())
        .containsExactly(new RtcpFeedback("111", "transport-cc", null));
    assertThat(audio.ssrcs().get(0)).isEqualTo(new Ssrc(1200941095L, "cname", "k3y151n5P8ib+nvZ"));
    assertThat(audio.msids()).hasSize(1);
    assertThat(audio.msids().get(0).streamId()).isEqualTo("46eab630-6166-4c46-abcb-895ca42fe56f");
    assertThat(audio.attribute("rtcp")).contains(Attribute.of("rtcp", "9 IN IP4 0.0.0.0"));
    MediaDescription video = sd.media().get(1);
    assertThat(video.ssrcGroups())
        .containsExactly(new SsrcGroup("FID", List.of(879370094L, 1516285593L)));
    assertThat(video.rtcpFeedbacks()).contains(new RtcpFeedback("96", "nack", "pli"));
    assertThat(video.fmtps()).contains(new Fmtp("97", "apt=96"));
    assertThat(video.extMaps()).hasSize(11);
    assertThat(sd.media().get(2).isDataChannel()).isTrue();
    assertThat(sd.media().get(2).sctpPort()).hasValue(5000);
  }

  @Test
  void chromiumSimulcastOffer() throws SdpParseException {
    MediaDescription v = Captures.parse("chromium-simulcast-offer.sdp").media().get(0);
    assertThat(v.direction()).contains(Direction.SENDONLY);
    assertThat(v.rids()).extracting(Rid::id).containsExactly("h", "m", "l");
    assertThat(v.rids()).allMatch(Rid::send);
    assertThat(v.simulcast()).contains(Simulcast.sendOnly(List.of("h", "m", "l")));
    assertThat(v.simulcast().orElseThrow().value()).isEqualTo("send h;m;l");
  }

  @Test
  void chromiumAnswerToItsOwnOffer() throws SdpParseException {
    SessionDescription answer = Captures.parse("chromium-av-data-answer.sdp");
    assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2");
    assertThat(answer.media())
        .allMatch(m -> m.setup().equals(java.util.Optional.of(SetupRole.ACTIVE)));
    assertThat(answer.media().get(0).candidates()).isNotEmpty();
    assertThat(answer.media().get(1).ssrcGroups()).hasSize(1);
  }

  @Test
  void firefoxOfferKeepsFingerprintAtSessionLevel() throws SdpParseException {
    SessionDescription sd = Captures.parse("firefox-datachannel-offer.sdp");
    assertThat(sd.origin().username()).isEqualTo("mozilla...THIS_IS_SDPARTA-99.0");
    assertThat(sd.direction()).contains(Direction.SENDRECV);
    assertThat(sd.trickle()).isTrue();
    MediaDescription m = sd.media().get(0);
    assertThat(m.fingerprints()).isEmpty();
    assertThat(sd.fingerprintsFor(m)).hasSize(1);
    assertThat(sd.resolve(m, Attributed::iceUfrag)).isEqualTo(m.iceUfrag());
    assertThat(m.maxMessageSize()).hasValue(1073741823L);
    assertThat(m.port()).isEqualTo(9);
  }

  @Test
  void firefoxSimulcastOffer() throws SdpParseException {
    MediaDescription v = Captures.parse("firefox-simulcast-offer.sdp").media().get(0);
    assertThat(v.simulcast().orElseThrow().send()).hasSize(3);
    assertThat(v.rids()).extracting(Rid::id).containsExactly("h", "m", "l");
    assertThat(v.ssrcGroups()).hasSize(3).allMatch(g -> g.semantics().equals("FID"));
    assertThat(v.extMaps())
        .filteredOn(e -> e.direction() == Direction.RECVONLY)
        .extracting(ExtMap::uri)
        .containsExactly("http://www.webrtc.org/experiments/rtp-hdrext/playout-delay");
  }

  @Test
  void firefoxAnswer() throws SdpParseException {
    SessionDescription answer = Captures.parse("firefox-av-data-answer.sdp");
    assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2");
    assertThat(answer.media())
        .extracting(m -> m.setup().orElseThrow())
        .containsOnly(SetupRole.ACTIVE);
    assertThat(answer.fingerprints()).hasSize(1);
  }
}
