package dev.squall.bench.turn;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.Username;
import dev.squall.turn.TurnRestCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Creates many allocations as fast as a server answers, on one thread: every allocation has its own
 * client socket (its own 5-tuple) and its own REST-API user, and runs the two transactions of an
 * authenticated Allocate (the 401 challenge, then with credentials), with at most {@code inFlight}
 * allocations under way. Lost requests are retransmitted after 500 ms, four times at most. The
 * allocations stay alive until {@link #close()} (which just closes the sockets: the server reclaims
 * them at their expiry, or when it stops).
 */
final class AllocationStorm implements AutoCloseable {

  /** The outcome of one storm. */
  record Result(
      int requested,
      int allocated,
      int failed,
      java.util.Map<String, Integer> failures,
      double seconds) {
    double allocationsPerSecond() {
      return allocated / seconds;
    }
  }

  private static final long RETRANSMIT_NANOS = 500_000_000L;
  private static final int ATTEMPTS = 5;
  private static final InetAddress CLIENT_ADDRESS = loopback2();

  private final InetSocketAddress server;
  private final TurnRestCredentials credentials;
  private DatagramChannel[] channels = new DatagramChannel[0];

  AllocationStorm(InetSocketAddress server, String secret) {
    this.server = server;
    this.credentials = new TurnRestCredentials(secret);
  }

  /** The client sockets bind 127.0.0.2, away from the 127.0.0.1 ports relays take. */
  private static InetAddress loopback2() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Attempt {
    final int index;
    final String username;
    final String password;
    int state; // 0 unsent, 1 challenge sent, 2 authenticated request sent, 3 done, 4 failed
    TransactionId transaction;
    byte[] request;
    long sentAt;
    int tries;

    Attempt(int index, String username, String password) {
      this.index = index;
      this.username = username;
      this.password = password;
    }
  }

  Result run(int count, int inFlight, String label) throws IOException {
    channels = new DatagramChannel[count];
    Attempt[] attempts = new Attempt[count];
    Instant expiry = Instant.now().plusSeconds(3600);
    for (int i = 0; i < count; i++) {
      TurnRestCredentials.Credential c = credentials.mint(label + "-" + i, expiry);
      attempts[i] = new Attempt(i, c.username(), c.password());
    }
    ByteBuffer in = ByteBuffer.allocate(2048);
    int allocated = 0;
    int failed = 0;
    java.util.Map<String, Integer> failures = new java.util.TreeMap<>();
    Deque<Attempt> waiting = new ArrayDeque<>(Arrays.asList(attempts));
    Deque<Attempt> active = new ArrayDeque<>();
    long start = System.nanoTime();
    try (Selector selector = Selector.open()) {
      while (allocated + failed < count) {
        while (active.size() < inFlight && !waiting.isEmpty()) {
          Attempt a = waiting.poll();
          DatagramChannel ch = DatagramChannel.open();
          ch.bind(new InetSocketAddress(CLIENT_ADDRESS, 0));
          ch.connect(server);
          ch.configureBlocking(false);
          ch.register(selector, SelectionKey.OP_READ, a);
          channels[a.index] = ch;
          sendChallenge(a);
          active.add(a);
        }
        selector.select(5);
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          Attempt a = (Attempt) key.attachment();
          DatagramChannel ch = (DatagramChannel) key.channel();
          while (true) {
            in.clear();
            int n;
            try {
              n = ch.read(in);
            } catch (IOException e) {
              break;
            }
            if (n <= 0) {
              break;
            }
            StunMessage m;
            try {
              m = StunMessage.decode(Arrays.copyOf(in.array(), n));
            } catch (StunException e) {
              continue;
            }
            if (!m.transactionId().equals(a.transaction)) {
              continue;
            }
            int code = m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
            if (a.state == 1 && code == ErrorCode.UNAUTHENTICATED) {
              sendAuthenticated(a, m);
            } else if (a.state == 2 && m.messageClass() == StunClass.SUCCESS_RESPONSE) {
              a.state = 3;
              allocated++;
              key.interestOps(0);
            } else if (a.state == 2 && code == ErrorCode.STALE_NONCE) {
              sendAuthenticated(a, m);
            } else {
              failures.merge(
                  (a.state == 1 ? "challenge " : "allocate ") + (code == 0 ? m.type() : code),
                  1,
                  Integer::sum);
              a.state = 4;
              failed++;
              key.interestOps(0);
            }
          }
        }
        selector.selectedKeys().clear();
        for (var it = active.iterator(); it.hasNext(); ) {
          Attempt a = it.next();
          if (a.state >= 3) {
            it.remove();
          } else if (now - a.sentAt > RETRANSMIT_NANOS) {
            if (a.tries >= ATTEMPTS) {
              failures.merge("no answer in state " + a.state, 1, Integer::sum);
              a.state = 4;
              failed++;
              it.remove();
            } else {
              send(a);
            }
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      for (SelectionKey key : selector.keys()) {
        key.cancel();
      }
      return new Result(count, allocated, failed, failures, seconds);
    }
  }

  private void sendChallenge(Attempt a) throws IOException {
    a.state = 1;
    a.transaction = TransactionId.random();
    a.request =
        StunMessage.builder(
                new StunMessageType(StunMethod.ALLOCATE, StunClass.REQUEST), a.transaction)
            .add(new RequestedTransport(RequestedTransport.UDP))
            .build()
            .encode();
    a.tries = 0;
    send(a);
  }

  private void sendAuthenticated(Attempt a, StunMessage challenge) throws IOException {
    String realm = challenge.attribute(Realm.class).map(Realm::value).orElse("");
    String nonce = challenge.attribute(Nonce.class).map(Nonce::value).orElse("");
    byte[] key = StunCredentials.longTermKey(a.username, realm, a.password);
    a.state = 2;
    a.transaction = TransactionId.random();
    a.request =
        StunMessage.builder(
                new StunMessageType(StunMethod.ALLOCATE, StunClass.REQUEST), a.transaction)
            .add(new RequestedTransport(RequestedTransport.UDP))
            .add(new Username(a.username))
            .add(new Realm(realm))
            .add(new Nonce(nonce))
            .addMessageIntegrity(key)
            .build()
            .encode();
    a.tries = 0;
    send(a);
  }

  private void send(Attempt a) throws IOException {
    a.tries++;
    a.sentAt = System.nanoTime();
    channels[a.index].write(ByteBuffer.wrap(a.request));
  }

  @Override
  public void close() {
    for (DatagramChannel ch : channels) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException e) {
          // closing
        }
      }
    }
  }
}
