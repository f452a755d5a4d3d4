package dev.squall.peer;

import java.util.concurrent.CompletableFuture;

/**
 * In-process offer/answer and trickle between two connections on real event loops, in the order a
 * signaling channel keeps: each description is sent before the candidates that follow it.
 */
final class LoopbackSignalling {

  private LoopbackSignalling() {}

  /** Negotiates ({@code offerer} offers) and completes when both are connected. */
  static CompletableFuture<Void> connect(PeerConnection offerer, PeerConnection answerer) {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    offerer.onIceCandidate(c -> answered.thenRun(() -> answerer.addIceCandidate(c)));
    answerer.onIceCandidate(c -> answered.thenRun(() -> offerer.addIceCandidate(c)));
    offerer
        .createOffer()
        .thenCompose(
            offer ->
                offerer
                    .setLocalDescription(offer)
                    .thenCompose(v -> answerer.setRemoteDescription(offer)))
        .thenCompose(v -> answerer.createAnswer())
        .thenCompose(
            answer ->
                offerer
                    .setRemoteDescription(answer)
                    .thenCompose(v -> answerer.setLocalDescription(answer)))
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                answered.completeExceptionally(e);
              } else {
                answered.complete(null);
              }
            });
    return CompletableFuture.allOf(answered, offerer.connected(), answerer.connected());
  }
}
