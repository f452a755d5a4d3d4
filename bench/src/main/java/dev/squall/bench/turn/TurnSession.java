package dev.squall.bench.turn;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

/**
 * One TURN allocation over UDP for the load generator, set up with blocking transactions: Allocate
 * (the 401 challenge, then with long-term credentials), ChannelBind to the peer. The socket is a
 * connected {@link DatagramChannel}, left in blocking mode; the generator switches it to
 * non-blocking for the data phase.
 */
final class TurnSession implements AutoCloseable {

  /** The channel number every session binds (one peer per session). */
  static final int CHANNEL = 0x4000;

  /**
   * The client socket's receive buffer: 4 MiB (the usual Linux maximum), so a few milliseconds in
   * which the generator thread gets no CPU on a busy machine do not show up as relay loss.
   */
  private static final int RECEIVE_BUFFER = 4 << 20;

  private static final int RETRANSMIT_MS = 250;
  private static final int ATTEMPTS = 8;

  private final DatagramChannel channel;
  private final String username;
  private final String password;
  private String realm;
  private String nonce;
  private byte[] key;
  private InetSocketAddress relayed;

  private TurnSession(DatagramChannel channel, String username, String password) {
    this.channel = channel;
    this.username = username;
    this.password = password;
  }

  /**
   * Opens a socket on {@code local} (port 0) and allocates a UDP relay on {@code server}. Clients
   * bind 127.0.0.2, so their ephemeral ports never take a relay port of a server relaying on
   * 127.0.0.1.
   */
  static TurnSession allocate(
      InetAddress local, InetSocketAddress server, String username, String password)
      throws IOException {
    DatagramChannel ch = DatagramChannel.open();
    try {
      ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
      ch.bind(new InetSocketAddress(local, 0));
      ch.connect(server);
      ch.socket().setSoTimeout(RETRANSMIT_MS);
      TurnSession s = new TurnSession(ch, username, password);
      StunMessage first =
          s.transact(
              request(StunMethod.ALLOCATE).add(new RequestedTransport(RequestedTransport.UDP)));
      if (errorCode(first) != ErrorCode.UNAUTHENTICATED) {
        throw new IOException("expected a 401 challenge, got " + describe(first));
      }
      s.realm = first.attribute(Realm.class).orElseThrow().value();
      s.nonce = first.attribute(Nonce.class).orElseThrow().value();
      s.key = StunCredentials.longTermKey(username, s.realm, password);
      StunMessage ok =
          s.authenticated(
              () ->
                  request(StunMethod.ALLOCATE).add(new RequestedTransport(RequestedTransport.UDP)));
      s.relayed = ok.attribute(XorRelayedAddress.class).orElseThrow().address();
      return s;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * A plain socket on {@code local} connected to {@code peer}, with no server in between: the
   * direct path the relay's throughput and latency are compared with. It has no allocation; {@link
   * #release()} does nothing.
   */
  static TurnSession direct(InetAddress local, InetSocketAddress peer) throws IOException {
    DatagramChannel ch = DatagramChannel.open();
    try {
      ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
      ch.bind(new InetSocketAddress(local, 0));
      ch.connect(peer);
      return new TurnSession(ch, null, null);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Binds {@link #CHANNEL} to {@code peer} (which also installs the permission). */
  void bindChannel(InetSocketAddress peer) throws IOException {
    authenticated(
        () ->
            request(StunMethod.CHANNEL_BIND)
                .add(new ChannelNumber(CHANNEL))
                .add(new XorPeerAddress(peer)));
  }

  /** Deletes the allocation (Refresh with lifetime 0); best effort. */
  void release() {
    if (key == null) {
      return;
    }
    try {
      authenticated(() -> request(StunMethod.REFRESH).add(new Lifetime(0)));
    } catch (IOException | RuntimeException e) {
      // the allocation expires on its own
    }
  }

  DatagramChannel channel() {
    return channel;
  }

  InetSocketAddress relayedAddress() {
    return relayed;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private interface RequestFactory {
    StunMessageBuilder make();
  }

  /** Sends an authenticated request, following a 438 stale nonce once. */
  private StunMessage authenticated(RequestFactory factory) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      StunMessage response =
          transact(
              factory
                  .make()
                  .add(new Username(username))
                  .add(new Realm(realm))
                  .add(new Nonce(nonce))
                  .addMessageIntegrity(key));
      if (response.messageClass() == StunClass.SUCCESS_RESPONSE) {
        return response;
      }
      if (errorCode(response) == ErrorCode.STALE_NONCE) {
        nonce = response.attribute(Nonce.class).orElseThrow().value();
        continue;
      }
      throw new IOException("TURN request refused: " + describe(response));
    }
    throw new IOException("TURN request refused twice for a stale nonce");
  }

  private static StunMessageBuilder request(StunMethod method) {
    return StunMessage.builder(
        new StunMessageType(method, StunClass.REQUEST), TransactionId.random());
  }

  /** Sends the request until a response with its transaction id arrives. */
  private StunMessage transact(StunMessageBuilder builder) throws IOException {
    StunMessage request = builder.build();
    byte[] wire = request.encode();
    byte[] buf = new byte[2048];
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      channel.write(ByteBuffer.wrap(wire));
      long deadline = System.nanoTime() + RETRANSMIT_MS * 1_000_000L;
      while (System.nanoTime() < deadline) {
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
          channel.socket().receive(packet);
        } catch (SocketTimeoutException e) {
          break;
        }
        StunMessage response;
        try {
          response = StunMessage.decode(Arrays.copyOf(buf, packet.getLength()));
        } catch (StunException e) {
          continue; // stray data (a ChannelData message, a late answer)
        }
        if (response.transactionId().equals(request.transactionId())) {
          return response;
        }
      }
    }
    throw new IOException("no answer to " + request.type() + " from " + channel.getRemoteAddress());
  }

  private static int errorCode(StunMessage m) {
    return m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }

  private static String describe(StunMessage m) {
    return m.type()
        + m.attribute(ErrorCode.class).map(e -> " " + e.code() + " " + e.reason()).orElse("");
  }
}
