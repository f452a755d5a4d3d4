package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.dtls.DtlsCertificate;
import dev.squall.net.MemoryHub;
import dev.squall.sdp.MediaDescription;
import dev.squall.sdp.SessionDescription;
import dev.squall.sdp.SetupRole;
import dev.squall.util.VirtualScheduler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Offers and answers as browsers send them, through the connection's description rules. */
class DescriptionsTest {

  private static final DtlsCertificate CERT = VnetPeers.ALICE_CERT;

  /** A Chromium offer (shape of 156.x): audio, video and data, mDNS and TCP candidates. */
  private static final String CHROMIUM_OFFER =
      String.join(
          "\r\n",
          "v=0",
          "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
          "s=-",
          "t=0 0",
          "a=group:BUNDLE 0 1 2",
          "a=extmap-allow-mixed",
          "a=msid-semantic: WMS",
          "m=audio 9 UDP/TLS/RTP/SAVPF 111",
          "c=IN IP4 0.0.0.0",
          "a=rtcp:9 IN IP4 0.0.0.0",
          "a=ice-ufrag:Xy1z",
          "a=ice-pwd:abcdefghijklmnopqrstuvwx",
          "a=ice-options:trickle",
          "a=fingerprint:sha-256 " + CERT.fingerprint().hex(),
          "a=setup:actpass",
          "a=mid:0",
          "a=sendrecv",
          "a=rtcp-mux",
          "a=rtpmap:111 opus/48000/2",
          "m=video 9 UDP/TLS/RTP/SAVPF 96",
          "c=IN IP4 0.0.0.0",
          "a=ice-ufrag:Xy1z",
          "a=ice-pwd:abcdefghijklmnopqrstuvwx",
          "a=fingerprint:sha-256 " + CERT.fingerprint().hex(),
          "a=setup:actpass",
          "a=mid:1",
          "a=sendrecv",
          "a=rtcp-mux",
          "a=rtpmap:96 VP8/90000",
          "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
          "c=IN IP4 0.0.0.0",
          "a=candidate:1 1 udp 2113937151 2f6c7b51-5b8c-4f65-9d0f-4c1f1c0c1a11.local 54321 typ"
              + " host generation 0 network-cost 999",
          "a=candidate:2 1 tcp 1518280447 192.0.2.10 9 typ host tcptype active generation 0",
          "a=candidate:3 1 udp 2122260223 192.0.2.10 50000 typ host generation 0",
          "a=ice-ufrag:Xy1z",
          "a=ice-pwd:abcdefghijklmnopqrstuvwx",
          "a=ice-options:trickle",
          "a=fingerprint:sha-256 " + CERT.fingerprint().hex(),
          "a=setup:actpass",
          "a=mid:2",
          "a=sctp-port:5000",
          "a=max-message-size:262144",
          "");

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final PeerConnection pc =
      new PeerConnection(
          scheduler,
          PeerConfiguration.defaults().withCertificate(VnetPeers.BOB_CERT),
          List.of(new MemoryHub(scheduler).bind(new InetSocketAddress("10.0.0.1", 5000))));

  @Test
  void answersABrowserOfferWithDataOnlyAndTakesItsOddCandidates() throws Exception {
    pc.setRemoteDescription(Description.offer(CHROMIUM_OFFER)).join();
    Description answer = pc.createAnswer().join();
    pc.setLocalDescription(answer).join();
    // mDNS, TCP and trickled junk are accepted without failing the connection
    pc.addIceCandidate(
            new IceCandidateInit(
                "candidate:4 1 tcp 1518280447 192.0.2.10 9 typ host tcptype active",
                "2",
                2,
                "Xy1z"))
        .join();
    pc.addIceCandidate(
            new IceCandidateInit(
                "candidate:5 1 udp 2113937151 aaaa-bbbb.local 5555 typ host", "2", 2, null))
        .join();
    pc.addIceCandidate(IceCandidateInit.endOfCandidates("2", 2, "Xy1z")).join();
    scheduler.runPending();

    List<MediaDescription> media = answer.sdp().media();
    assertThat(media).hasSize(3);
    assertThat(media.get(0).isRejected()).isTrue();
    assertThat(media.get(1).isRejected()).isTrue();
    MediaDescription data = media.get(2);
    assertThat(data.isDataChannel()).isTrue();
    assertThat(data.isRejected()).isFalse();
    assertThat(data.mid()).contains("2");
    assertThat(data.setup()).contains(SetupRole.ACTIVE);
    assertThat(answer.sdp().fingerprintsFor(data).get(0).bytes())
        .isEqualTo(VnetPeers.BOB_CERT.fingerprint().value());
    assertThat(pc.signalingState()).isEqualTo(SignalingState.STABLE);
    assertThat(pc.connectionState()).isNotEqualTo(PeerConnectionState.FAILED);
    pc.close();
  }

  @Test
  void trickledCandidatesCarryTheSectionOfTheAnswer() throws Exception {
    List<IceCandidateInit> local = new java.util.ArrayList<>();
    pc.onIceCandidate(local::add);
    pc.setRemoteDescription(Description.offer(CHROMIUM_OFFER)).join();
    pc.setLocalDescription(pc.createAnswer().join()).join();
    scheduler.advance(java.time.Duration.ofSeconds(1));
    assertThat(local).isNotEmpty();
    assertThat(local).allMatch(c -> "2".equals(c.sdpMid()) && c.sdpMLineIndex() == 2);
    assertThat(local.get(0).candidate())
        .startsWith("candidate:")
        .contains("10.0.0.1 5000 typ host");
    assertThat(local.get(local.size() - 1).isEndOfCandidates()).isTrue();
    pc.close();
  }

  @Test
  void anOfferWithoutADataChannelIsRefusedWithAClearReason() throws Exception {
    String audioOnly = CHROMIUM_OFFER.substring(0, CHROMIUM_OFFER.indexOf("m=video"));
    assertThatThrownBy(() -> pc.setRemoteDescription(Description.offer(audioOnly)).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(PeerException.class)
        .hasMessageContaining("no data channel section");
    assertThat(pc.signalingState()).isEqualTo(SignalingState.STABLE);
  }

  @Test
  void anOfferWithoutAFingerprintIsRefused() throws Exception {
    String bare = CHROMIUM_OFFER.replaceAll("a=fingerprint:[^\r\n]+\r\n", "");
    assertThatThrownBy(() -> pc.setRemoteDescription(Description.offer(bare)).join())
        .hasRootCauseInstanceOf(PeerException.class)
        .hasMessageContaining("no a=fingerprint");
  }

  @Test
  void ourOfferIsOneDataSectionWithActpass() {
    Description offer = pc.createOffer().join();
    SessionDescription sdp = offer.sdp();
    assertThat(sdp.media()).singleElement().matches(MediaDescription::isDataChannel);
    assertThat(sdp.media().get(0).setup()).contains(SetupRole.ACTPASS);
    assertThat(offer.sdpText()).contains("m=application 9 UDP/DTLS/SCTP webrtc-datachannel");
    assertThatThrownBy(() -> pc.createAnswer().join()).hasRootCauseInstanceOf(PeerException.class);
    pc.close();
    assertThat(pc.connectionState()).isEqualTo(PeerConnectionState.CLOSED);
  }
}
