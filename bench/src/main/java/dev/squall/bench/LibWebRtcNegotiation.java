package dev.squall.bench;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Offer/answer between two libwebrtc (webrtc-java) connections in one process, the way the
 * libwebrtc anchors of the benchmarks connect: each step on {@code exec} after the previous one, in
 * the order a signalling channel keeps. Candidates are the caller's business (trickle them once the
 * returned future completes).
 */
public final class LibWebRtcNegotiation {

  private LibWebRtcNegotiation() {}

  /** Completes when both local and both remote descriptions are set. */
  public static CompletableFuture<Void> offerAnswer(
      RTCPeerConnection offerer, RTCPeerConnection answerer, ExecutorService exec) {
    return CompletableFuture.runAsync(() -> {}, exec)
        .thenCompose(v -> describe(f -> offerer.createOffer(new RTCOfferOptions(), f)))
        .thenComposeAsync(
            offer ->
                set(f -> offerer.setLocalDescription(offer, f))
                    .thenComposeAsync(v -> set(f -> answerer.setRemoteDescription(offer, f)), exec),
            exec)
        .thenComposeAsync(
            v -> describe(f -> answerer.createAnswer(new RTCAnswerOptions(), f)), exec)
        .thenComposeAsync(
            answer ->
                set(f -> offerer.setRemoteDescription(answer, f))
                    .thenComposeAsync(v -> set(f -> answerer.setLocalDescription(answer, f)), exec),
            exec);
  }

  private static CompletableFuture<RTCSessionDescription> describe(Consumer<SdpFuture> call) {
    SdpFuture f = new SdpFuture();
    call.accept(f);
    return f;
  }

  private static CompletableFuture<Void> set(Consumer<SetFuture> call) {
    SetFuture f = new SetFuture();
    call.accept(f);
    return f;
  }

  private static final class SdpFuture extends CompletableFuture<RTCSessionDescription>
      implements CreateSessionDescriptionObserver {
    @Override
    public void onSuccess(RTCSessionDescription description) {
      complete(description);
    }

    @Override
    public void onFailure(String error) {
      completeExceptionally(new IllegalStateException(error));
    }
  }

  private static final class SetFuture extends CompletableFuture<Void>
      implements SetSessionDescriptionObserver {
    @Override
    public void onSuccess() {
      complete(null);
    }

    @Override
    public void onFailure(String error) {
      completeExceptionally(new IllegalStateException(error));
    }
  }
}
