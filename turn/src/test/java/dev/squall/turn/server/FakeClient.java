package dev.squall.turn.server;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.Data;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A test TURN client talking to {@link TurnHarness#server} through {@link TurnServer#handle}: it
 * records what the server sends, and builds requests with the long-term credential (fetching the
 * nonce with an unauthenticated first request, and retrying once on 438).
 */
final class FakeClient implements ClientConnection {

  private final TurnHarness h;
  private final ClientProtocol protocol;
  private final InetSocketAddress client;
  private final InetSocketAddress server;
  final List<byte[]> received = new ArrayList<>();
  String username = "alice";
  String password = "alice-pass";
  String nonce;
  boolean sha256;
  int staleRetries;

  FakeClient(
      TurnHarness h, ClientProtocol protocol, InetSocketAddress client, InetSocketAddress server) {
    this.h = h;
    this.protocol = protocol;
    this.client = client;
    this.server = server;
  }

  FakeClient as(String user, String pass) {
    this.username = user;
    this.password = pass;
    return this;
  }

  @Override
  public ClientProtocol protocol() {
    return protocol;
  }

  @Override
  public InetSocketAddress clientAddress() {
    return client;
  }

  @Override
  public InetSocketAddress serverAddress() {
    return server;
  }

  @Override
  public void send(byte[] message) {
    received.add(message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FakeClient other
        && protocol == other.protocol
        && client.equals(other.client)
        && server.equals(other.server);
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocol, client, server);
  }

  @Override
  public String toString() {
    return protocol + " " + client;
  }

  byte[] key() {
    return StunCredentials.longTermKey(username, h.config.realm(), password);
  }

  /** Hands raw bytes to the server. */
  void raw(byte[] bytes) {
    h.server.handle(this, bytes);
  }

  /** Sends {@code bytes} and returns the one message the server answered with, or null. */
  byte[] exchange(byte[] bytes) {
    int before = received.size();
    raw(bytes);
    return received.size() > before ? received.get(received.size() - 1) : null;
  }

  /** An unauthenticated request; returns the decoded response. */
  StunMessage plain(StunMethod method, StunAttribute... attributes) {
    StunMessageBuilder b = builder(method);
    for (StunAttribute a : attributes) {
      b.add(a);
    }
    return decode(exchange(b.addFingerprint().build().encode()));
  }

  /**
   * An authenticated request with the current nonce (fetched first when there is none); a 438 is
   * retried once with the new nonce unless {@code staleRetries} says otherwise.
   */
  StunMessage request(StunMethod method, StunAttribute... attributes) {
    if (nonce == null) {
      StunMessage challenge = plain(method, attributes);
      nonce = challenge.attribute(Nonce.class).orElseThrow().value();
    }
    StunMessage response = decode(exchange(signed(method, attributes).encode()));
    if (errorCode(response) == ErrorCode.STALE_NONCE && staleRetries > 0) {
      staleRetries--;
      nonce = response.attribute(Nonce.class).orElseThrow().value();
      response = decode(exchange(signed(method, attributes).encode()));
    }
    return response;
  }

  /** The signed request (not sent). */
  StunMessage signed(StunMethod method, StunAttribute... attributes) {
    return signed(builder(method), attributes);
  }

  StunMessage signed(StunMessageBuilder b, StunAttribute... attributes) {
    for (StunAttribute a : attributes) {
      b.add(a);
    }
    b.add(new Username(username)).add(new Realm(h.config.realm())).add(new Nonce(nonce));
    if (sha256) {
      b.addMessageIntegritySha256(key());
    } else {
      b.addMessageIntegrity(key());
    }
    return b.addFingerprint().build();
  }

  StunMessageBuilder builder(StunMethod method) {
    return StunMessage.builder(
        new StunMessageType(method, StunClass.REQUEST), TransactionId.random(h.random()));
  }

  /** Allocate with REQUESTED-TRANSPORT UDP and {@code extra}. */
  StunMessage allocate(StunAttribute... extra) {
    StunAttribute[] all =
        Arrays.copyOf(new StunAttribute[] {new RequestedTransport(17)}, 1 + extra.length);
    System.arraycopy(extra, 0, all, 1, extra.length);
    return request(StunMethod.ALLOCATE, all);
  }

  /** Allocates and returns the relayed address (fails the test otherwise). */
  InetSocketAddress allocated() {
    StunMessage r = allocate();
    if (r.messageClass() != StunClass.SUCCESS_RESPONSE) {
      throw new AssertionError("allocate failed: " + r);
    }
    return r.attribute(XorRelayedAddress.class).orElseThrow().address();
  }

  StunMessage refresh(long seconds) {
    return request(StunMethod.REFRESH, new Lifetime(seconds));
  }

  StunMessage permit(InetSocketAddress... peers) {
    StunAttribute[] attrs = new StunAttribute[peers.length];
    for (int i = 0; i < peers.length; i++) {
      attrs[i] = new XorPeerAddress(peers[i]);
    }
    return request(StunMethod.CREATE_PERMISSION, attrs);
  }

  StunMessage bind(int channel, InetSocketAddress peer) {
    return request(StunMethod.CHANNEL_BIND, new ChannelNumber(channel), new XorPeerAddress(peer));
  }

  /** A Send indication to {@code peer} (no answer expected). */
  void sendIndication(InetSocketAddress peer, byte[] data) {
    raw(
        StunMessage.builder(
                new StunMessageType(StunMethod.SEND, StunClass.INDICATION),
                TransactionId.random(h.random()))
            .add(new XorPeerAddress(peer))
            .add(new Data(data))
            .build()
            .encode());
  }

  /** The last message received, decoded (fails when it is not STUN). */
  StunMessage last() {
    return decode(received.get(received.size() - 1));
  }

  static StunMessage decode(byte[] bytes) {
    if (bytes == null) {
      throw new AssertionError("no response");
    }
    try {
      return StunMessage.decode(bytes);
    } catch (StunException e) {
      throw new AssertionError(e);
    }
  }

  static int errorCode(StunMessage m) {
    return m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }
}
