package dev.squall.ice.internal;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.TransactionId;
import dev.squall.stun.transaction.Reliability;
import dev.squall.stun.transaction.StunTransactionConfig;
import dev.squall.stun.transaction.StunTransactionTable;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Outgoing STUN requests of one kind (checks, consent, gathering) on a {@link StunTransactionTable}
 * with their own timers, plus what a response must satisfy before it completes the transaction:
 * arrive on the base the request left from, from the address it went to (RFC 8445 §7.2.5.2.1), and
 * carry valid MESSAGE-INTEGRITY when a key is given. A response failing only the address test
 * completes the future with {@link NonSymmetricResponse}; one failing integrity is dropped.
 *
 * <p>Round-trip times are measured on the scheduler's clock, from the transaction's first
 * transmission to its success response. Following Karn's rule, a transaction that was retransmitted
 * gives no sample (the response may answer any of the transmissions).
 */
public final class Requester {

  /** The response came from or arrived at another address than the request used. */
  public static final class NonSymmetricResponse extends Exception {
    private static final long serialVersionUID = 1L;

    NonSymmetricResponse(InetSocketAddress from) {
      super("non-symmetric response from " + from);
    }
  }

  /** Told of each success response: the round-trip time, or -1 when retransmitted. */
  @FunctionalInterface
  public interface SuccessSink {
    void success(long roundTripNanos);
  }

  private static final class Expected {
    final LocalBase base;
    final InetSocketAddress to;
    final byte[] key;
    final SuccessSink sink;
    final long startNanos;
    int transmissions;

    Expected(LocalBase base, InetSocketAddress to, byte[] key, SuccessSink sink, long start) {
      this.base = base;
      this.to = to;
      this.key = key;
      this.sink = sink;
      this.startNanos = start;
    }
  }

  private final Scheduler scheduler;
  private final StunTransactionTable table;
  private final Map<TransactionId, Expected> expected = new HashMap<>();
  private final Map<TransactionId, CompletableFuture<StunMessage>> futures = new HashMap<>();

  public Requester(Scheduler scheduler, StunTransactionConfig config) {
    this.scheduler = scheduler;
    this.table = new StunTransactionTable(scheduler, config);
  }

  /** Sends {@code request} from {@code base} to {@code to}, retransmitting per the config. */
  public CompletableFuture<StunMessage> send(
      LocalBase base, InetSocketAddress to, StunMessage request, byte[] key) {
    return send(base, to, request, key, null);
  }

  /**
   * As {@link #send(LocalBase, InetSocketAddress, StunMessage, byte[])}; {@code sink} (may be null)
   * hears of a success response, with its round-trip time, just before the future completes.
   */
  public CompletableFuture<StunMessage> send(
      LocalBase base, InetSocketAddress to, StunMessage request, byte[] key, SuccessSink sink) {
    TransactionId id = request.transactionId();
    Expected exp = new Expected(base, to, key, sink, scheduler.nanoTime());
    expected.put(id, exp);
    CompletableFuture<StunMessage> f =
        table.start(
            request,
            Reliability.UNRELIABLE,
            bytes -> {
              exp.transmissions++;
              base.transport().send(to, bytes);
            });
    futures.put(id, f);
    f.whenComplete(
        (r, e) -> {
          expected.remove(id);
          futures.remove(id);
        });
    return f;
  }

  /**
   * Offers a response received on {@code base} from {@code from}.
   *
   * @return true when it belonged to one of this requester's transactions
   */
  public boolean handle(LocalBase base, InetSocketAddress from, StunMessage response) {
    if (!response.messageClass().isResponse()) {
      return false;
    }
    Expected e = expected.get(response.transactionId());
    if (e == null) {
      return false;
    }
    if (e.key != null && !response.verifyIntegrity(e.key)) {
      return true; // forged or corrupted: dropped, the transaction keeps retransmitting
    }
    if (e.base != base || !e.to.equals(from)) {
      CompletableFuture<StunMessage> f = futures.get(response.transactionId());
      if (f != null) {
        f.completeExceptionally(new NonSymmetricResponse(from));
      }
      return true;
    }
    if (e.sink != null && response.messageClass() == StunClass.SUCCESS_RESPONSE) {
      e.sink.success(e.transmissions == 1 ? scheduler.nanoTime() - e.startNanos : -1);
    }
    table.handleResponse(response);
    return true;
  }

  /** Stops every outstanding transaction. */
  public void cancelAll() {
    table.cancelAll();
  }
}
