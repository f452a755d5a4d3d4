package dev.squall.dtls;

import dev.squall.dtls.internal.BlockingHandshake;
import dev.squall.dtls.internal.FlightOutbox;
import dev.squall.dtls.internal.HandshakeSupport;
import dev.squall.dtls.internal.PreparedCrypto;
import dev.squall.dtls.internal.QueueDatagramTransport;
import dev.squall.net.ConnectedTransport;
import dev.squall.util.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DTLS 1.2 (RFC 6347) over one point-to-point datagram path, as WebRTC uses it (RFC 8827): mutual
 * authentication with self-signed certificates checked against the SDP fingerprint, {@code
 * use_srtp}, and SRTP keying-material export.
 *
 * <p>Threads. BouncyCastle's handshake blocks, so it runs on its own thread (or the configured
 * executor) behind a queue that {@link #receive} fills on the path's scheduler. Its result, the
 * {@link #start()} future, completes on the scheduler. After the handshake everything runs on the
 * scheduler: each received datagram is decrypted at once, in the {@link #receive} call, through a
 * non-blocking read of BouncyCastle's record layer (AES-GCM of a 1200-byte record costs a few
 * microseconds, less than a hand-off to another thread), and {@link DtlsListener} callbacks run
 * there too.
 *
 * <p>Flights. The handshake thread's records are sent a flight at a time, packed into as few
 * datagrams as the MTU allows, in one task on the scheduler per flight; while it waits for the
 * peer's flight the handshake thread makes the ephemeral key pair of its next key exchange. {@link
 * #prepare()} starts the handshake thread early (say while ICE is still checking): it sets up the
 * handshake's crypto and, as client, writes the ClientHello, but nothing is sent before {@link
 * #start()}, which then sends the held flight at once on the scheduler.
 *
 * <p>Contract: {@link #receive} on the scheduler; {@link #prepare}, {@link #start}, {@link #send}
 * and {@link #close} from any thread (close hops to the scheduler). Datagrams handed to {@link
 * #receive} before the handshake ends wait in a bounded queue (512 datagrams).
 */
public final class DtlsTransport implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DtlsTransport.class);
  private static final int QUEUE_CAPACITY = 512;
  private static final DtlsListener NO_LISTENER = data -> {};

  private final ConnectedTransport path;
  private final Scheduler scheduler;
  private final DtlsRole role;
  private final DtlsConfig config;
  private final DtlsCertificate certificate;
  private final HandshakeSupport support;
  private final QueueDatagramTransport queue;
  private final FlightOutbox outbox;
  private final AtomicBoolean prepared = new AtomicBoolean();
  private volatile Thread handshakeThread;
  private volatile PreparedCrypto handshakeCrypto;
  private final CompletableFuture<DtlsHandshakeResult> handshake = new CompletableFuture<>();
  private final AtomicReference<DtlsState> state = new AtomicReference<>(DtlsState.NEW);
  private final AtomicLong recordsSent = new AtomicLong();
  private volatile DTLSTransport dtls;
  private volatile DtlsListener listener = NO_LISTENER;
  private volatile int maxApplicationData;
  private byte[] receiveBuffer;
  private long startNanos;
  private long recordsReceived;

  private DtlsTransport(
      ConnectedTransport path,
      DtlsRole role,
      DtlsCertificate certificate,
      Fingerprint remoteFingerprint,
      DtlsConfig config) {
    this.path = Objects.requireNonNull(path, "path");
    this.scheduler = path.scheduler();
    this.role = Objects.requireNonNull(role, "role");
    this.config = Objects.requireNonNull(config, "config");
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.support =
        new HandshakeSupport(
            role,
            certificate,
            Objects.requireNonNull(remoteFingerprint, "remoteFingerprint"),
            config.srtpProfiles(),
            config.handshakeTimeout().toMillis());
    this.queue =
        new QueueDatagramTransport(
            QUEUE_CAPACITY, config.mtu(), config.receiveLimit(), this::sendDatagram);
    this.outbox = new FlightOutbox(scheduler, path::send, config.mtu());
    queue.onWait(this::flightWritten);
  }

  /**
   * A transport whose caller feeds it: a demuxer (RFC 7983) passes each DTLS datagram from the
   * remote address to {@link #receive}.
   */
  public static DtlsTransport create(
      ConnectedTransport path,
      DtlsRole role,
      DtlsCertificate certificate,
      Fingerprint remoteFingerprint,
      DtlsConfig config) {
    return new DtlsTransport(path, role, certificate, remoteFingerprint, config);
  }

  /** A transport installed as {@code path}'s receive handler. */
  public static DtlsTransport attach(
      ConnectedTransport path,
      DtlsRole role,
      DtlsCertificate certificate,
      Fingerprint remoteFingerprint,
      DtlsConfig config) {
    DtlsTransport transport = create(path, role, certificate, remoteFingerprint, config);
    path.onReceive(transport::receive);
    return transport;
  }

  /** Sets where decrypted data and the close go. Set it before {@link #start()}. */
  public DtlsTransport listener(DtlsListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Starts the handshake thread ahead of {@link #start()}, so that the handshake's preparation
   * (thread start, crypto set-up, ephemeral key pair, as client the ClientHello) is done by the
   * time the path is ready. Nothing is sent before {@link #start()}; datagrams received meanwhile
   * are processed and the answers held too. The handshake timeout counts from {@link #start()}.
   * Optional (start prepares when this was not called); idempotent; any thread; no effect once
   * closed.
   */
  public void prepare() {
    if (terminal(state.get()) || !prepared.compareAndSet(false, true)) {
      return;
    }
    path.transport()
        .onClose(() -> fail(new DtlsException("the underlying datagram transport closed")));
    Runnable task = this::runHandshake;
    if (config.handshakeExecutor() != null) {
      config.handshakeExecutor().execute(task);
    } else {
      Thread thread =
          new Thread(
              task,
              "squall-dtls-"
                  + role.name().toLowerCase(java.util.Locale.ROOT)
                  + "-"
                  + path.remoteAddress());
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Starts the handshake: sends what a {@link #prepare()}d handshake holds, at once on the
   * scheduler, or prepares now. The future completes on the scheduler with the session's
   * parameters, or exceptionally with a {@link DtlsException}.
   *
   * @throws IllegalStateException when already started or closed
   */
  public CompletableFuture<DtlsHandshakeResult> start() {
    if (!state.compareAndSet(DtlsState.NEW, DtlsState.CONNECTING)) {
      throw new IllegalStateException("DTLS transport already " + state.get());
    }
    startNanos = System.nanoTime();
    queue.started(startNanos, config.handshakeTimeout().toNanos());
    prepare();
    if (scheduler.inScheduler()) {
      outbox.release();
    } else {
      scheduler.execute(outbox::release);
    }
    return handshake;
  }

  /** One datagram from the remote address. Call on the scheduler. */
  public void receive(byte[] datagram) {
    DtlsState now = state.get();
    if (now == DtlsState.CLOSED || now == DtlsState.FAILED) {
      return;
    }
    queue.offer(datagram);
    if (now == DtlsState.CONNECTED) {
      drain();
    }
  }

  /**
   * Encrypts {@code data} into one application-data record and sends it.
   *
   * @throws DtlsException when not connected, when {@code data} exceeds {@link
   *     #maxApplicationData()}, or when the record layer fails
   */
  public void send(byte[] data) {
    send(data, 0, data.length);
  }

  /**
   * Encrypts {@code data[offset, offset + length)} into one application-data record and sends it;
   * the bytes are read during the call only.
   *
   * @throws DtlsException as {@link #send(byte[])}
   */
  public void send(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    DTLSTransport connection = dtls;
    if (state.get() != DtlsState.CONNECTED || connection == null) {
      throw new DtlsException("cannot send: DTLS transport is " + state.get());
    }
    if (length > maxApplicationData) {
      throw new DtlsException(
          "application data of "
              + length
              + " bytes exceeds the record limit of "
              + maxApplicationData
              + " bytes (MTU "
              + config.mtu()
              + ")");
    }
    try {
      connection.send(data, offset, length);
      recordsSent.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      DtlsException failure = support.explain(e, false);
      scheduler.execute(() -> fail(failure));
      throw failure;
    }
  }

  /**
   * Closes: sends close_notify when connected, abandons a running handshake (its future fails), and
   * tells the listener. Idempotent; any thread.
   */
  @Override
  public void close() {
    if (!scheduler.inScheduler()) {
      scheduler.execute(this::close);
      return;
    }
    DtlsState before = state.getAndUpdate(s -> terminal(s) ? s : DtlsState.CLOSED);
    if (terminal(before)) {
      return;
    }
    if (before == DtlsState.CONNECTED) {
      try {
        dtls.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("close_notify not sent: {}", e.toString());
      }
    }
    queue.close();
    handshake.completeExceptionally(
        new DtlsException("DTLS transport closed before the handshake finished"));
    listener.onClose(DtlsCloseReason.LOCAL, null);
  }

  public DtlsState state() {
    return state.get();
  }

  public DtlsRole role() {
    return role;
  }

  /** The handshake's future (the one {@link #start()} returned). */
  public CompletableFuture<DtlsHandshakeResult> handshake() {
    return handshake;
  }

  /** The largest {@link #send} payload; 0 before the handshake ends. */
  public int maxApplicationData() {
    return maxApplicationData;
  }

  /** The peer's verified fingerprint, once its certificate was checked. */
  public Optional<Fingerprint> remoteFingerprint() {
    return Optional.ofNullable(support.remoteFingerprint());
  }

  /** The negotiated {@code use_srtp} profile, once connected. */
  public Optional<SrtpProfile> srtpProfile() {
    return support.srtpProfile();
  }

  /** The exported SRTP keys for {@link #srtpProfile()}, once connected. */
  public Optional<SrtpKeyingMaterial> srtpKeyingMaterial() {
    return support.srtpKeyingMaterial();
  }

  /** Application-data records sent. */
  public long recordsSent() {
    return recordsSent.get();
  }

  /** Application-data records received (read on the scheduler). */
  public long recordsReceived() {
    return recordsReceived;
  }

  /** Datagrams dropped because the handshake queue was full or the transport closed. */
  public long queueDrops() {
    return queue.queueDrops();
  }

  @Override
  public String toString() {
    return "DtlsTransport[" + role + " " + path.remoteAddress() + " " + state.get() + "]";
  }

  private void runHandshake() {
    handshakeThread = Thread.currentThread();
    DTLSTransport connection;
    try {
      PreparedCrypto crypto = PreparedCrypto.create(config.crypto(), certificate);
      handshakeCrypto = crypto;
      connection = BlockingHandshake.run(role, queue, support, crypto, config);
    } catch (Exception e) {
      handshakeThread = null;
      handshakeCrypto = null;
      // a fatal alert BouncyCastle wrote goes out before the failure is reported
      outbox.finish(() -> handshakeFailed(e));
      return;
    }
    handshakeThread = null;
    handshakeCrypto = null;
    // the server's last flight and the completion in one task
    outbox.finish(() -> handshakeDone(connection));
  }

  /**
   * On the handshake thread, whenever BouncyCastle starts waiting for the peer: sends the flight it
   * wrote, then makes the next key exchange's ephemeral key pair while the peer works.
   */
  private void flightWritten() {
    outbox.endOfFlight();
    PreparedCrypto crypto = handshakeCrypto;
    if (crypto != null) {
      crypto.precompute();
    }
  }

  private void handshakeDone(DTLSTransport connection) {
    if (state.get() != DtlsState.CONNECTING) {
      try {
        connection.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("closing a handshake finished after close: {}", e.toString());
      }
      return;
    }
    try {
      maxApplicationData = connection.getSendLimit();
      receiveBuffer = new byte[connection.getReceiveLimit()];
    } catch (IOException e) {
      fail(support.explain(e, false));
      return;
    }
    dtls = connection;
    queue.nonBlocking();
    state.set(DtlsState.CONNECTED);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    handshake.complete(
        new DtlsHandshakeResult(
            role,
            support.cipherSuite(),
            support.remoteFingerprint(),
            support.srtpProfile(),
            support.srtpKeyingMaterial(),
            maxApplicationData,
            elapsed));
    drain();
  }

  private void handshakeFailed(Exception e) {
    if (state.get() == DtlsState.CONNECTING) {
      fail(support.explain(e, false));
    }
  }

  /** Decrypts every queued datagram; runs on the scheduler. */
  private void drain() {
    while (state.get() == DtlsState.CONNECTED) {
      int n;
      try {
        // records left over from a multi-record datagram first, then the next queued datagram
        n =
            queue.isEmpty()
                ? dtls.receivePending(receiveBuffer, 0, receiveBuffer.length)
                : dtls.receive(receiveBuffer, 0, receiveBuffer.length, 1);
      } catch (QueueDatagramTransport.WouldBlockException e) {
        break;
      } catch (IOException | RuntimeException e) {
        fail(support.explain(e, false));
        return;
      }
      if (n < 0 && queue.isEmpty()) {
        break;
      }
      if (n > 0) {
        recordsReceived++;
        listener.onData(receiveBuffer, 0, n);
      }
    }
    if (support.closeNotifyReceived()
        && state.compareAndSet(DtlsState.CONNECTED, DtlsState.CLOSED)) {
      queue.close();
      listener.onClose(DtlsCloseReason.REMOTE, null);
    }
  }

  private void fail(DtlsException failure) {
    DtlsState before = state.getAndUpdate(s -> terminal(s) ? s : DtlsState.FAILED);
    if (terminal(before)) {
      return;
    }
    LOG.debug("{} {} failed: {}", role, path.remoteAddress(), failure.getMessage());
    queue.close();
    handshake.completeExceptionally(failure);
    listener.onClose(DtlsCloseReason.FAILED, failure);
  }

  /**
   * Sends one record datagram, {@code buffer[offset, offset + length)}: from the handshake thread
   * into the flight being written (see {@link FlightOutbox}); at once on the scheduler (the path
   * copies what it keeps before it returns, so BouncyCastle's freshly encoded array goes down
   * without a copy), else a copy of it in a task.
   */
  private void sendDatagram(byte[] buffer, int offset, int length) {
    if (Thread.currentThread() == handshakeThread) {
      outbox.add(buffer, offset, length);
    } else if (scheduler.inScheduler()) {
      path.send(
          offset == 0 && length == buffer.length
              ? buffer
              : Arrays.copyOfRange(buffer, offset, offset + length));
    } else {
      byte[] datagram = Arrays.copyOfRange(buffer, offset, offset + length);
      scheduler.execute(() -> path.send(datagram));
    }
  }

  private static boolean terminal(DtlsState s) {
    return s == DtlsState.CLOSED || s == DtlsState.FAILED;
  }
}
