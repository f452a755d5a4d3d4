package dev.squall.signal.client;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * Options of a {@link SignalingClient}; {@link #connect()} opens it. Defaults: the JDK's trusted
 * CAs for {@code wss://}, no automatic resume, a private one-thread event loop, frames up to 1 MiB,
 * a 10 s connect timeout.
 */
public final class SignalingClientBuilder {

  final URI uri;
  final List<SignalingListener> listeners = new ArrayList<>();
  SslContext ssl;
  List<X509Certificate> trusted = List.of();
  boolean autoResume;
  Duration reconnectWindow = Duration.ofSeconds(30);
  EventLoopGroup group;
  int maxFrameBytes = 1024 * 1024;
  Duration connectTimeout = Duration.ofSeconds(10);

  SignalingClientBuilder(URI uri) {
    this.uri = Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
      throw new IllegalArgumentException("expected ws://HOST[:PORT]/PATH or wss://…, got " + uri);
    }
  }

  /** Adds a listener (more can be added later with {@link SignalingClient#addListener}). */
  public SignalingClientBuilder listener(SignalingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * For {@code wss://}: trust exactly these certificates (e.g. a test server's self-signed one)
   * instead of the JDK's CAs. The host name is still checked against the certificate.
   */
  public SignalingClientBuilder trustCertificates(X509Certificate... certificates) {
    this.trusted = List.of(certificates);
    return this;
  }

  /**
   * For {@code wss://}: a ready client {@link SslContext}; overrides {@link #trustCertificates}.
   */
  public SignalingClientBuilder sslContext(SslContext context) {
    this.ssl = context;
    return this;
  }

  /**
   * When the connection drops while in a room, reconnect (backing off from 250 ms to 5 s) and
   * {@code resume} for up to {@code window}; the server's grace period is the natural choice.
   */
  public SignalingClientBuilder autoResume(Duration window) {
    this.autoResume = true;
    this.reconnectWindow = Objects.requireNonNull(window, "window");
    return this;
  }

  /**
   * Runs the client on a loop of {@code group} (not shut down by the client) instead of its own.
   */
  public SignalingClientBuilder eventLoopGroup(EventLoopGroup group) {
    this.group = group;
    return this;
  }

  /** Largest accepted frame from the server. */
  public SignalingClientBuilder maxFrameBytes(int bytes) {
    this.maxFrameBytes = bytes;
    return this;
  }

  /** Timeout for TCP connect and the WebSocket handshake. */
  public SignalingClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  /** Connects; completes when the WebSocket is open. */
  public CompletableFuture<SignalingClient> connect() {
    return SignalingClient.open(this);
  }

  SslContext sslContext() throws SSLException {
    if (!"wss".equalsIgnoreCase(uri.getScheme())) {
      return null;
    }
    if (ssl != null) {
      return ssl;
    }
    SslContextBuilder b = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
    if (!trusted.isEmpty()) {
      b.trustManager(trusted.toArray(X509Certificate[]::new));
    }
    return b.build();
  }
}
