package dev.squall.ice.internal;

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
 */
public final class Requester {

  /** The response came from or arrived at another address than the request used. */
  public static final class NonSymmetricResponse extends Exception {
    private static final long serialVersionUID = 1L;

    NonSymmetricResponse(InetSocketAddress from) {
      super("non-symmetric response from " + from);
    }
  }

  private record Expected(LocalBase base, InetSocketAddress to, byte[] key) {}

  private final StunTransactionTable table;
  private final Map<TransactionId, Expected> expected = new HashMap<>();
  private final Map<TransactionId, CompletableFuture<StunMessage>> futures = new HashMap<>();

  public Requester(Scheduler scheduler, StunTransactionConfig config) {
    this.table = new StunTransactionTable(scheduler, config);
  }

  /** Sends {@code request} from {@code base} to {@code to}, retransmitting per the config. */
  public CompletableFuture<StunMessage> send(
      LocalBase base, InetSocketAddress to, StunMessage request, byte[] key) {
    TransactionId id = request.transactionId();
    expected.put(id, new Expected(base, to, key));
    CompletableFuture<StunMessage> f =
        table.start(request, Reliability.UNRELIABLE, bytes -> base.transport().send(to, bytes));
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
    if (e.key() != null && !response.verifyIntegrity(e.key())) {
      return true; // forged or corrupted: dropped, the transaction keeps retransmitting
    }
    if (e.base() != base || !e.to().equals(from)) {
      CompletableFuture<StunMessage> f = futures.get(response.transactionId());
      if (f != null) {
        f.completeExceptionally(new NonSymmetricResponse(from));
      }
      return true;
    }
    table.handleResponse(response);
    return true;
  }

  /** Stops every outstanding transaction. */
  public void cancelAll() {
    table.cancelAll();
  }
}
