package dev.squall.stun.transaction;

import dev.squall.stun.TransactionId;
import java.util.concurrent.TimeoutException;

/**
 * A STUN client transaction got no response in time (RFC 8489 §6.2.1: after Rc transmissions and
 * the final Rm·RTO wait, or Ti on a reliable transport). The transaction's future fails with it.
 */
public final class StunTimeoutException extends TimeoutException {
  private static final long serialVersionUID = 1L;

  private final transient TransactionId transactionId;
  private final int transmissions;

  public StunTimeoutException(TransactionId transactionId, int transmissions, long elapsedMillis) {
    super(
        "STUN transaction "
            + transactionId
            + " timed out after "
            + transmissions
            + " transmission(s) and "
            + elapsedMillis
            + " ms");
    this.transactionId = transactionId;
    this.transmissions = transmissions;
  }

  /** The transaction that timed out. */
  public TransactionId transactionId() {
    return transactionId;
  }

  /** How many times the request was sent. */
  public int transmissions() {
    return transmissions;
  }
}
