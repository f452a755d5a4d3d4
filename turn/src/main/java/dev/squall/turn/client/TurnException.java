package dev.squall.turn.client;

/**
 * Why a TURN request, and with it an allocation, failed: an error response from the server (its
 * STUN error code, e.g. 401 with credentials the server refused, 403 Forbidden, 437 Allocation
 * Mismatch, 486 Allocation Quota Reached, 508 Insufficient Capacity), no response at all, or the
 * client closing first. The message says which, for whom, and to which server.
 */
public final class TurnException extends Exception {

  private static final long serialVersionUID = 1L;

  /** {@link #code()} when the server never answered. */
  public static final int TIMEOUT = 0;

  /** {@link #code()} when the client was closed before the request finished. */
  public static final int CLOSED = -1;

  /** {@link #code()} when the server's answer made no sense (e.g. no relayed address). */
  public static final int PROTOCOL = -2;

  private final int code;

  public TurnException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The STUN error code (300–699), or {@link #TIMEOUT}, {@link #CLOSED} or {@link #PROTOCOL}. */
  public int code() {
    return code;
  }

  /** True when the server never answered. */
  public boolean isTimeout() {
    return code == TIMEOUT;
  }
}
