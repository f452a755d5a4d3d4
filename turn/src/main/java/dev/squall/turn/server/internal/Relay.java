package dev.squall.turn.server.internal;

import dev.squall.turn.ChannelData;
import dev.squall.turn.server.ClientConnection;
import dev.squall.turn.server.TurnStats;
import dev.squall.util.Clock;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data path of one shard (RFC 8656 §10–§12): Send indications and ChannelData from clients to
 * peers, datagrams from peers to clients as ChannelData (when a channel is bound to the peer) or
 * Data indications.
 *
 * <p>Nothing here decodes a {@code StunMessage}. Client to peer, the datagram goes from the
 * client's array to the relay socket (one copy, into the socket's buffer); peer to client, the
 * datagram is copied once, into the framed message handed to the client connection. Per datagram
 * this allocates that message (and, for Send indications, the peer's address). Every drop is
 * counted in {@link TurnStats} by reason.
 */
public final class Relay implements PeerDatagramHandler {

  /** The message type of a Data indication (method 0x007, class indication). */
  static final int DATA_INDICATION = 0x0017;

  private static final int MAGIC_COOKIE = 0x2112A442;
  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  private final TurnStats stats;
  private final Clock clock;
  private final PeerCheck peers;
  private final RandomGenerator random;
  private final int maxMessageSize;
  private final SendIndication send = new SendIndication();
  private boolean loggedFailure;

  public Relay(
      TurnStats stats, Clock clock, PeerCheck peers, RandomGenerator random, int maxMessageSize) {
    this.stats = stats;
    this.clock = clock;
    this.peers = peers;
    this.random = random;
    this.maxMessageSize = maxMessageSize;
  }

  /** ChannelData from the client of {@code allocation} (null when it has none). */
  public void channelDataFromClient(Allocation allocation, byte[] m) {
    int length = ChannelData.payloadLength(m, 0, m.length, false);
    if (length < 0) {
      stats.recordMalformed();
      return;
    }
    if (allocation == null) {
      stats.recordRefusal(TurnStats.REASON_NO_BINDING);
      return;
    }
    long now = clock.nanoTime();
    Channel channel = allocation.channel(ChannelData.channelOf(m, 0), now);
    if (channel == null) {
      stats.recordRefusal(TurnStats.REASON_NO_BINDING);
      return;
    }
    InetSocketAddress peer = channel.peer();
    toPeer(allocation, peer, m, ChannelData.HEADER_LENGTH, length, now);
  }

  /** A Send indication from the client of {@code allocation} (null when it has none). */
  public void sendIndication(Allocation allocation, byte[] m) {
    if (!send.parse(m)) {
      stats.recordMalformed();
      return;
    }
    if (allocation == null) {
      stats.recordRefusal(TurnStats.REASON_NO_BINDING);
      return;
    }
    InetSocketAddress peer = send.peer();
    String refusal = peers.refusal(peer);
    if (refusal != null) {
      stats.recordPeerRefusal(refusal);
      return;
    }
    if (allocation.relayFor(peer.getAddress()) == null) {
      stats.recordRefusal(TurnStats.REASON_PEER_FAMILY_MISMATCH);
      return;
    }
    toPeer(allocation, peer, m, send.dataOffset(), send.dataLength(), clock.nanoTime());
  }

  private void toPeer(
      Allocation allocation, InetSocketAddress peer, byte[] m, int offset, int length, long now) {
    if (!allocation.hasPermission(peer.getAddress(), now)) {
      stats.recordRefusal(TurnStats.REASON_NO_PERMISSION);
      return;
    }
    TokenBucket bucket = allocation.toPeer();
    if (bucket != null && !bucket.tryTake(length, now)) {
      stats.recordRefusal(TurnStats.REASON_BANDWIDTH);
      return;
    }
    RelaySocket relay = allocation.relayFor(peer.getAddress());
    relay.transport().send(peer, ByteBuffer.wrap(m, offset, length));
    stats.relayedToPeer(length);
  }

  /** A datagram from a peer to a relay socket. Never throws. */
  @Override
  public void fromPeer(RelaySocket socket, InetSocketAddress from, byte[] data) {
    try {
      relayToClient(socket, from, data);
    } catch (RuntimeException e) {
      stats.recordRefusal(TurnStats.REASON_INTERNAL_ERROR);
      if (!loggedFailure) {
        loggedFailure = true;
        log.warn("relaying a datagram from {} failed; dropped (logged once)", from, e);
      }
    }
  }

  private void relayToClient(RelaySocket socket, InetSocketAddress from, byte[] data) {
    Allocation allocation = socket.owner();
    if (allocation == null || allocation.isDeleted()) {
      stats.recordRefusal(TurnStats.REASON_NO_BINDING);
      return;
    }
    long now = clock.nanoTime();
    if (!allocation.hasPermission(from.getAddress(), now)) {
      stats.recordRefusal(TurnStats.REASON_NO_PERMISSION);
      return;
    }
    ClientConnection client = allocation.client();
    Channel channel = allocation.channelForPeer(from, now);
    int length = data.length;
    byte[] out;
    if (channel != null) {
      int framed = ChannelData.HEADER_LENGTH + length;
      if (client.protocol().isStream()) {
        framed = (framed + 3) & ~3;
      }
      if (framed > maxMessageSize) {
        stats.recordRefusal(TurnStats.REASON_OVERSIZED);
        return;
      }
      if (!take(allocation, length, now)) {
        return;
      }
      out = new byte[framed];
      int number = channel.number();
      out[0] = (byte) (number >>> 8);
      out[1] = (byte) number;
      out[2] = (byte) (length >>> 8);
      out[3] = (byte) length;
      System.arraycopy(data, 0, out, ChannelData.HEADER_LENGTH, length);
    } else {
      boolean v4 = from.getAddress() instanceof Inet4Address;
      int addressValue = v4 ? 8 : 20;
      int framed = 20 + 4 + addressValue + 4 + ((length + 3) & ~3);
      if (framed > maxMessageSize || length > 0xFFFF) {
        stats.recordRefusal(TurnStats.REASON_OVERSIZED);
        return;
      }
      if (!take(allocation, length, now)) {
        return;
      }
      out = dataIndication(from, data, addressValue, framed);
    }
    client.send(out);
    stats.relayedToClient(length);
  }

  private boolean take(Allocation allocation, int length, long now) {
    TokenBucket bucket = allocation.toClient();
    if (bucket != null && !bucket.tryTake(length, now)) {
      stats.recordRefusal(TurnStats.REASON_BANDWIDTH);
      return false;
    }
    return true;
  }

  /** Encodes a Data indication (RFC 8656 §11.3): XOR-PEER-ADDRESS and DATA, nothing else. */
  private byte[] dataIndication(InetSocketAddress from, byte[] data, int addressValue, int total) {
    byte[] out = new byte[total];
    put16(out, 0, DATA_INDICATION);
    put16(out, 2, total - 20);
    put32(out, 4, MAGIC_COOKIE);
    long t1 = random.nextLong();
    int t2 = random.nextInt();
    for (int i = 0; i < 8; i++) {
      out[8 + i] = (byte) (t1 >>> (56 - 8 * i));
    }
    put32(out, 16, t2);
    int at = 20;
    put16(out, at, 0x0012); // XOR-PEER-ADDRESS
    put16(out, at + 2, addressValue);
    InetAddress ip = from.getAddress();
    byte[] raw = ip.getAddress();
    out[at + 5] = (byte) (raw.length == 4 ? 1 : 2);
    put16(out, at + 6, from.getPort() ^ (MAGIC_COOKIE >>> 16));
    for (int i = 0; i < raw.length; i++) {
      out[at + 8 + i] = (byte) (raw[i] ^ out[4 + i]);
    }
    at += 4 + addressValue;
    put16(out, at, 0x0013); // DATA
    put16(out, at + 2, data.length);
    System.arraycopy(data, 0, out, at + 4, data.length);
    return out;
  }

  private static void put16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  private static void put32(byte[] b, int at, int v) {
    put16(b, at, v >>> 16);
    put16(b, at + 2, v);
  }
}
