package dev.squall.signal.client;

import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.Relayed;

/**
 * Events of a {@link SignalingClient}. Every method has an empty default, so implement only what
 * you need. Methods run on the client's I/O thread, one at a time: return quickly and do not block
 * (hand long work to your own executor).
 */
public interface SignalingListener {

  /** Someone entered your room. */
  default void onPeerJoined(PeerInfo peer) {}

  /** Someone left your room ({@code left}, {@code disconnected} or {@code timeout}). */
  default void onPeerLeft(PeerLeft event) {}

  /**
   * A relayed {@code offer}, {@code answer}, {@code candidate} or {@code message} from another
   * member: switch on {@code RelayedOffer}, {@code RelayedAnswer}, {@code RelayedCandidate}, {@code
   * RelayedMessage}.
   */
  default void onRelayed(Relayed message) {}

  /**
   * An {@code error} not answered through a future (e.g. {@code unknown-peer} after {@code offer},
   * {@code rate-limited}).
   */
  default void onError(ErrorMessage error) {}

  /** The connection dropped; with automatic resume on, the client is now reconnecting. */
  default void onDisconnected(boolean reconnecting) {}

  /** Automatic resume succeeded: same id and room; queued messages follow as normal events. */
  default void onResumed(Joined joined) {}

  /** Automatic resume failed (grace over, or no server within the window): join again. */
  default void onResumeFailed(Throwable cause) {}

  /** The server is stopping; the connection closes right after. */
  default void onShutdown(String reason) {}

  /**
   * The client is closed for good: WebSocket status and reason (1006 when the connection dropped
   * without a close frame).
   */
  default void onClose(int status, String reason) {}
}
