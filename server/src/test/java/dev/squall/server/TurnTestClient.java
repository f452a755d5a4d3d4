package dev.squall.server;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import dev.squall.turn.ChannelData;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A small blocking TURN client for tests: over UDP (one socket), or over a TCP or TLS stream (one
 * connection, with STUN/ChannelData framing). Just enough of RFC 8656 to allocate with long-term
 * credentials, bind a channel and move ChannelData.
 */
abstract class TurnTestClient implements AutoCloseable {

  static final int CHANNEL = 0x4000;

  private String username;
  private String realm;
  private String nonce;
  private byte[] key;

  /** Over UDP from a fresh loopback socket. */
  static TurnTestClient udp(int port) throws IOException {
    return new Udp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /** Over an already connected stream socket (plain TCP or TLS). */
  static TurnTestClient stream(Socket socket) throws IOException {
    return new Stream(socket);
  }

  abstract void sendRaw(byte[] message) throws IOException;

  /** The next message from the server, or null after the timeout. */
  abstract byte[] receiveRaw(int timeoutMillis) throws IOException;

  /** True over TCP and TLS, where ChannelData is padded. */
  abstract boolean padded();

  /** Sends a request and waits for the response with its transaction id. */
  StunMessage transact(StunMessage request) throws IOException {
    for (int attempt = 0; attempt < 5; attempt++) {
      sendRaw(request.encode());
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < deadline) {
        byte[] in = receiveRaw(1000);
        if (in == null) {
          break;
        }
        if (ChannelData.looksLikeChannelData(in, 0, in.length)) {
          continue;
        }
        StunMessage m;
        try {
          m = StunMessage.decode(in);
        } catch (dev.squall.stun.StunException e) {
          continue;
        }
        if (m.transactionId().equals(request.transactionId())) {
          return m;
        }
      }
    }
    throw new IOException("no answer to " + request.type());
  }

  static StunMessageBuilder request(StunMethod method) {
    return StunMessage.builder(
        new StunMessageType(method, StunClass.REQUEST), TransactionId.random());
  }

  /**
   * Allocates with long-term credentials: the 401 challenge, then the authenticated request.
   *
   * @return the final response (success or error)
   */
  StunMessage allocate(String user, String password) throws IOException {
    StunMessage challenge =
        transact(
            request(StunMethod.ALLOCATE)
                .add(new RequestedTransport(RequestedTransport.UDP))
                .build());
    if (errorCode(challenge) != ErrorCode.UNAUTHENTICATED) {
      return challenge;
    }
    username = user;
    realm = challenge.attribute(Realm.class).orElseThrow().value();
    nonce = challenge.attribute(Nonce.class).orElseThrow().value();
    key = StunCredentials.longTermKey(user, realm, password);
    return authenticated(
        b -> b.add(new RequestedTransport(RequestedTransport.UDP)), StunMethod.ALLOCATE);
  }

  /** Sends an authenticated request of {@code method}, following one 438 (stale nonce). */
  StunMessage authenticated(UnaryOperator<StunMessageBuilder> attributes, StunMethod method)
      throws IOException {
    StunMessage response = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      response =
          transact(
              attributes
                  .apply(request(method))
                  .add(new Username(username))
                  .add(new Realm(realm))
                  .add(new Nonce(nonce))
                  .addMessageIntegrity(key)
                  .build());
      if (errorCode(response) != ErrorCode.STALE_NONCE) {
        return response;
      }
      nonce = response.attribute(Nonce.class).orElseThrow().value();
    }
    return response;
  }

  StunMessage channelBind(InetSocketAddress peer) throws IOException {
    return authenticated(
        b -> b.add(new ChannelNumber(CHANNEL)).add(new XorPeerAddress(peer)),
        StunMethod.CHANNEL_BIND);
  }

  StunMessage createPermission(InetSocketAddress peer) throws IOException {
    return authenticated(b -> b.add(new XorPeerAddress(peer)), StunMethod.CREATE_PERMISSION);
  }

  void sendChannelData(byte[] data) throws IOException {
    sendRaw(ChannelData.encode(CHANNEL, data, 0, data.length, padded()));
  }

  /** The data of the next ChannelData message on {@link #CHANNEL}, or null after the timeout. */
  byte[] receiveChannelData(int timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      byte[] in = receiveRaw(timeoutMillis);
      if (in != null && ChannelData.looksLikeChannelData(in, 0, in.length)) {
        ChannelData d = ChannelData.decode(in, 0, in.length);
        if (d.channel() == CHANNEL) {
          return d.data();
        }
      }
    }
    return null;
  }

  static InetSocketAddress relayed(StunMessage allocateSuccess) {
    return allocateSuccess.attribute(XorRelayedAddress.class).orElseThrow().address();
  }

  static int errorCode(StunMessage m) {
    return m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }

  private static final class Udp extends TurnTestClient {
    private final DatagramSocket socket;
    private final InetSocketAddress server;

    Udp(InetSocketAddress server) throws IOException {
      this.server = server;
      this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Override
    void sendRaw(byte[] message) throws IOException {
      socket.send(new DatagramPacket(message, message.length, server));
    }

    @Override
    byte[] receiveRaw(int timeoutMillis) throws IOException {
      socket.setSoTimeout(timeoutMillis);
      DatagramPacket p = new DatagramPacket(new byte[70000], 70000);
      try {
        socket.receive(p);
      } catch (SocketTimeoutException e) {
        return null;
      }
      return Arrays.copyOf(p.getData(), p.getLength());
    }

    @Override
    boolean padded() {
      return false;
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  private static final class Stream extends TurnTestClient {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    Stream(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new DataInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    }

    @Override
    void sendRaw(byte[] message) throws IOException {
      out.write(message);
      out.flush();
    }

    @Override
    byte[] receiveRaw(int timeoutMillis) throws IOException {
      socket.setSoTimeout(timeoutMillis);
      byte[] head = new byte[4];
      try {
        in.readFully(head);
      } catch (SocketTimeoutException e) {
        return null;
      }
      int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
      boolean channelData = (head[0] & 0xC0) == 0x40;
      int total = channelData ? 4 + length : 20 + length;
      byte[] message = Arrays.copyOf(head, total);
      in.readFully(message, 4, total - 4);
      if (channelData) {
        in.skipNBytes(((total + 3) & ~3) - total);
      }
      return message;
    }

    @Override
    boolean padded() {
      return true;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
