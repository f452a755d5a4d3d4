package dev.squall.dtls.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * BouncyCastle's view of our datagram path: a bounded queue that the protocol loop fills with
 * {@link #offer} and BouncyCastle drains with {@link #receive}; sends go to a callback that hands
 * the datagram to the loop.
 *
 * <p>Two receive modes. <b>Blocking</b> (during the handshake, on the handshake thread): {@code
 * receive} waits up to BouncyCastle's {@code waitMillis} and returns -1 on timeout, as a socket
 * would. <b>Non-blocking</b> (after the handshake, on the loop): an empty queue throws {@link
 * WouldBlockException}, an {@link InterruptedIOException} that BouncyCastle's record layer passes
 * through without failing the connection, so the loop can decrypt what has arrived and return at
 * once. {@link #close} wakes a blocked reader, which then fails with an {@link IOException}.
 *
 * <p>Thread-safe while blocking: the loop offers while the handshake thread receives. Once {@link
 * #nonBlocking()} was called (on the loop), only the loop offers and receives, and datagrams go
 * through a plain deque without locks.
 */
public final class QueueDatagramTransport implements DatagramTransport {

  /** Thrown by a non-blocking receive with nothing queued. Carries no stack trace. */
  public static final class WouldBlockException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    WouldBlockException() {
      super("no datagram queued");
    }

    @Override
    public Throwable fillInStackTrace() {
      return this;
    }
  }

  private static final byte[] WAKE = new byte[0];

  private final LinkedBlockingQueue<byte[]> inbound;
  private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
  private final int capacity;
  private final Consumer<byte[]> sender;
  private final int sendLimit;
  private final int receiveLimit;
  private final WouldBlockException wouldBlock = new WouldBlockException();
  private final AtomicLong queueDrops = new AtomicLong();
  private volatile boolean nonBlocking;
  private volatile boolean closed;

  /**
   * @param capacity datagrams held before new ones are dropped
   * @param sender takes ownership of each outgoing datagram; called on the thread that encrypts
   */
  public QueueDatagramTransport(
      int capacity, int sendLimit, int receiveLimit, Consumer<byte[]> sender) {
    this.inbound = new LinkedBlockingQueue<>(capacity);
    this.capacity = capacity;
    this.sender = sender;
    this.sendLimit = sendLimit;
    this.receiveLimit = receiveLimit;
  }

  /** Queues a received datagram; false (and counted) when closed or full. */
  public boolean offer(byte[] datagram) {
    if (closed || datagram.length == 0 || !enqueue(datagram)) {
      queueDrops.incrementAndGet();
      return false;
    }
    return true;
  }

  private boolean enqueue(byte[] datagram) {
    if (!nonBlocking) {
      return inbound.offer(datagram);
    }
    if (ready.size() >= capacity) {
      return false;
    }
    ready.add(datagram);
    return true;
  }

  /**
   * Switches to non-blocking receives; call on the loop once the handshake thread is done with us.
   */
  public void nonBlocking() {
    inbound.drainTo(ready);
    nonBlocking = true;
  }

  /** True when no datagram waits (always true once closed). */
  public boolean isEmpty() {
    return closed || (nonBlocking ? ready.isEmpty() : inbound.isEmpty());
  }

  public boolean isClosed() {
    return closed;
  }

  /** Datagrams dropped because the queue was full or closed. */
  public long queueDrops() {
    return queueDrops.get();
  }

  @Override
  public int getReceiveLimit() {
    return receiveLimit;
  }

  @Override
  public int getSendLimit() {
    return sendLimit;
  }

  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    byte[] datagram;
    if (nonBlocking || closed) {
      datagram = closed ? null : nonBlocking ? ready.poll() : inbound.poll();
      if (datagram == null) {
        if (closed && !nonBlocking) {
          throw new IOException("DTLS transport closed");
        }
        throw wouldBlock;
      }
    } else {
      try {
        datagram =
            waitMillis > 0 ? inbound.poll(waitMillis, TimeUnit.MILLISECONDS) : inbound.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for a datagram");
      }
      if (datagram == null) {
        return -1;
      }
      if (datagram == WAKE || closed) {
        throw new IOException("DTLS transport closed");
      }
    }
    int n = Math.min(len, datagram.length);
    System.arraycopy(datagram, 0, buf, off, n);
    return n;
  }

  @Override
  public void send(byte[] buf, int off, int len) {
    if (!closed) {
      sender.accept(Arrays.copyOfRange(buf, off, off + len));
    }
  }

  /** Stops sending and receiving; wakes a reader blocked in {@link #receive}. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      inbound.clear();
      ready.clear();
      inbound.offer(WAKE);
    }
  }
}
