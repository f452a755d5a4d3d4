package dev.squall.bench.connect;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCCertificatePEM;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.squall.bench.LibWebRtcNegotiation;
import dev.squall.bench.Machine;
import dev.squall.dtls.DtlsCertificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The anchor for {@link SquallConnectTime}: the same interval measured with libwebrtc
 * (webrtc-java): two {@link RTCPeerConnection}s in one JVM, the offerer creates a DataChannel (so
 * the offer carries the DTLS/SCTP section), offer/answer and trickled candidates are passed
 * in-process, and the time runs from {@code createOffer} until both sides report {@link
 * RTCPeerConnectionState#CONNECTED} (W3C: every transport's ICE and DTLS done). Each side uses an
 * ECDSA certificate made once beforehand and handed over in {@link RTCConfiguration#certificates},
 * so no key generation falls inside the interval. Each pair is closed before the next.
 *
 * <p>libwebrtc never gathers loopback addresses: run it where a non-loopback interface exists, e.g.
 * the veth in a private network namespace that {@code bench/run.sh connect} sets up.
 *
 * <p>Usage: {@code LibWebRtcConnectTime [connections=100] [warmup=20]}.
 */
public final class LibWebRtcConnectTime {

  private LibWebRtcConnectTime() {}

  public static void main(String[] args) throws Exception {
    int[] parsed = ConnectTimes.parseArgs(args);
    int n = parsed[0];
    int warmup = parsed[1];
    System.out.println(Machine.describe());
    double loadBefore = Machine.loadAverage();
    DtlsCertificate dtlsA = DtlsCertificate.generate();
    RTCCertificatePEM certA = pem(dtlsA);
    RTCCertificatePEM certB = pem(DtlsCertificate.generate());
    HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
    PeerConnectionFactory factory = new PeerConnectionFactory(audio);
    // signalling actions run here, never inside libwebrtc's own callback threads
    ExecutorService signalling = Executors.newSingleThreadExecutor();
    ConnectTimes times = new ConnectTimes("libwebrtc", SquallConnectTime.BOTH_CONNECTED, n);
    long deadline = System.nanoTime() + ConnectTimes.RUN_TIMEOUT_NANOS;
    try {
      for (int i = -warmup; i < n; i++) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("run exceeded its time bound at connection " + i);
        }
        Side alice = new Side(factory, certA, signalling);
        Side bob = new Side(factory, certB, signalling);
        RTCDataChannel channel = null;
        try {
          channel = alice.pc.createDataChannel("bench", new RTCDataChannelInit());
          long start = System.nanoTime();
          connect(alice, bob, signalling)
              .get(ConnectTimes.CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
          long elapsed = System.nanoTime() - start;
          if (i == -warmup) {
            requireOwnCertificate(alice.pc, dtlsA);
          }
          if (i >= 0) {
            times.record(elapsed);
          }
        } finally {
          if (channel != null) {
            channel.close();
            channel.dispose();
          }
          alice.pc.close();
          bob.pc.close();
        }
      }
    } finally {
      signalling.shutdownNow();
      signalling.awaitTermination(5, TimeUnit.SECONDS);
      factory.dispose();
      audio.dispose();
    }
    times.print(loadBefore);
  }

  /** Fails unless libwebrtc offered the pre-made certificate (it did not generate its own). */
  private static void requireOwnCertificate(RTCPeerConnection pc, DtlsCertificate expected) {
    String sdp = pc.getLocalDescription().sdp;
    if (!sdp.toUpperCase().contains(expected.fingerprint().hex().toUpperCase())) {
      throw new IllegalStateException("libwebrtc did not use the pre-made certificate:\n" + sdp);
    }
  }

  private static RTCCertificatePEM pem(DtlsCertificate certificate) {
    return new RTCCertificatePEM(
        certificate.privateKeyPem(),
        certificate.certificatePem(),
        certificate.certificate().getNotAfter().getTime());
  }

  /**
   * Offer/answer then trickle, as {@link SquallConnectTime#connect}; completes when both are up.
   */
  private static CompletableFuture<Void> connect(
      Side offerer, Side answerer, ExecutorService exec) {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    offerer.candidates = c -> answered.thenRunAsync(() -> answerer.pc.addIceCandidate(c), exec);
    answerer.candidates = c -> answered.thenRunAsync(() -> offerer.pc.addIceCandidate(c), exec);
    LibWebRtcNegotiation.offerAnswer(offerer.pc, answerer.pc, exec)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                answered.completeExceptionally(e);
              } else {
                answered.complete(null);
              }
            });
    return CompletableFuture.allOf(answered, offerer.connected, answerer.connected);
  }

  /** One peer connection and the futures its observer completes. */
  private static final class Side implements PeerConnectionObserver {
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final RTCPeerConnection pc;
    private final ExecutorService exec;
    volatile Consumer<RTCIceCandidate> candidates = c -> {};

    Side(PeerConnectionFactory factory, RTCCertificatePEM certificate, ExecutorService exec) {
      this.exec = exec;
      RTCConfiguration config = new RTCConfiguration();
      config.certificates = List.of(certificate);
      this.pc = factory.createPeerConnection(config, this);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      Consumer<RTCIceCandidate> sink = candidates;
      exec.execute(() -> sink.accept(candidate));
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
      if (state == RTCPeerConnectionState.CONNECTED) {
        connected.complete(null);
      } else if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
        connected.completeExceptionally(new IllegalStateException("connection " + state));
      }
    }
  }
}
