package dev.squall.cli.peer;

import dev.squall.ice.IceConfig;
import dev.squall.ice.IceTransportPolicy;
import dev.squall.peer.IceServers;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.signal.IceServer;
import dev.squall.signal.client.SignalingClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What every {@code squall peer} command shares: one Netty event-loop group for the UDP sockets
 * (and HTTP), the local addresses that become host candidates, and a connection factory. Closing it
 * stops the group.
 */
public final class PeerRuntime implements AutoCloseable {

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final List<InetAddress> addresses;
  private final PeerConfiguration config;
  private final Map<List<IceServer>, CompletableFuture<IceConfig>> iceConfigs =
      new ConcurrentHashMap<>();

  /**
   * @param addresses the local addresses to gather host candidates on; empty picks every up,
   *     non-loopback IPv4 address (or loopback when there is none)
   */
  public PeerRuntime(List<InetAddress> addresses) {
    this(addresses, IceTransportPolicy.ALL);
  }

  /**
   * @param addresses as {@link #PeerRuntime(List)}
   * @param policy {@link IceTransportPolicy#RELAY} to connect only through the TURN relays of the
   *     room's ICE servers (the peer's own addresses are never signalled)
   */
  public PeerRuntime(List<InetAddress> addresses, IceTransportPolicy policy) {
    this.addresses = addresses.isEmpty() ? defaultAddresses() : List.copyOf(addresses);
    this.config = PeerConfiguration.defaults().withIceTransportPolicy(policy);
  }

  public EventLoopGroup group() {
    return group;
  }

  public List<InetAddress> addresses() {
    return addresses;
  }

  /** A new connection on UDP sockets bound to {@link #addresses()}, without STUN servers. */
  public CompletableFuture<PeerConnection> newConnection() {
    return UdpPeerConnections.create(group.next(), config, addresses);
  }

  /**
   * A new connection that also gathers server-reflexive and relay candidates from the {@code stun:}
   * and {@code turn:}/{@code turns:} servers among {@code iceServers} (a room's, from {@code
   * joined}, with its TURN credential). Host names are resolved once per list, off the calling
   * thread.
   */
  public CompletableFuture<PeerConnection> newConnection(List<IceServer> iceServers) {
    return iceConfigs
        .computeIfAbsent(
            List.copyOf(iceServers),
            servers -> CompletableFuture.supplyAsync(() -> IceServers.apply(config.ice(), servers)))
        .thenCompose(
            ice -> UdpPeerConnections.create(group.next(), config.withIce(ice), addresses));
  }

  /** Connects a signaling client to {@code server}, with the client on this runtime's group. */
  public CompletableFuture<SignalingClient> signaling(String server) {
    return SignalingClient.builder(signalingUri(server)).eventLoopGroup(group).connect();
  }

  /**
   * The WebSocket URI of a server given as {@code ws(s)://host:port/ws} or as the web app's address
   * {@code http(s)://host:port/} (which becomes {@code ws(s)://host:port/ws}).
   */
  public static URI signalingUri(String server) {
    URI u = URI.create(server.strip());
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    return switch (scheme) {
      case "ws", "wss" -> u;
      case "http", "https" -> {
        String path =
            u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/")
                ? "/ws"
                : u.getPath();
        yield URI.create((scheme.equals("https") ? "wss" : "ws") + "://" + u.getAuthority() + path);
      }
      default ->
          throw new IllegalArgumentException(
              "the server must be an http(s):// or ws(s):// URL: " + server);
    };
  }

  static List<InetAddress> defaultAddresses() {
    List<InetAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
            out.add(a);
          }
        }
      }
    } catch (SocketException e) {
      // fall through to loopback
    }
    return out.isEmpty() ? List.of(InetAddress.getLoopbackAddress()) : out;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
