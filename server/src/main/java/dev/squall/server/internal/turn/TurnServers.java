package dev.squall.server.internal.turn;

import dev.squall.server.ServerConfig;
import dev.squall.server.ServerStartException;
import dev.squall.server.TurnSettings;
import dev.squall.server.internal.NettyTransport;
import dev.squall.turn.server.TurnQuotas;
import dev.squall.turn.server.TurnServerConfig;
import dev.squall.turn.server.TurnStats;
import io.netty.channel.EventLoopGroup;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the server's TURN shards from its {@link ServerConfig}. */
public final class TurnServers {

  private static final Logger log = LoggerFactory.getLogger(TurnServers.class);

  private TurnServers() {}

  /** The configured REST secret, or a random 256-bit one (base64url). */
  public static String secret(TurnSettings turn) {
    if (turn.secret() != null) {
      return turn.secret();
    }
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * One TURN shard per worker loop.
   *
   * @param bind the address the listeners bind to
   * @param secret the REST secret (see {@link #secret})
   */
  public static TurnShards shards(
      ServerConfig config,
      InetAddress bind,
      String secret,
      EventLoopGroup workers,
      NettyTransport transport) {
    TurnSettings t = config.turn();
    InetAddress relay = relayAddress(t, bind);
    TurnServerConfig core = TurnConfigs.of(t, secret, relay, ownAddresses(bind));
    log.info(
        "TURN: realm {}, relay {} ports {}-{}, peers {}{}{}{}, {} static user(s), REST secret {},"
            + " {} per allocation",
        t.realm(),
        relay.getHostAddress(),
        t.minRelayPort(),
        t.maxRelayPort(),
        t.allowLoopbackPeers() ? "loopback allowed, " : "",
        t.allowPrivatePeers() ? "private allowed" : "public only",
        t.allowedPeers().isEmpty() ? "" : ", allowed " + t.allowedPeers(),
        t.relayToRelay() ? ", relay to relay" : "",
        t.users().size(),
        t.secret() == null ? "generated" : "given",
        t.bandwidth() == 0 ? "no rate limit" : t.bandwidth() + " B/s");
    return new TurnShards(
        core, workers, transport.datagramChannel(), new TurnQuotas(core), new TurnStats());
  }

  /**
   * The configured relay address; else the bind address; else, when that is a wildcard, the first
   * non-loopback IPv4 address of an interface that is up; else loopback.
   */
  static InetAddress relayAddress(TurnSettings t, InetAddress bind) {
    if (t.relayAddress() != null) {
      try {
        return InetAddress.getByName(t.relayAddress()); // validated as a literal
      } catch (UnknownHostException e) {
        throw new ServerStartException("bad TURN relay address " + t.relayAddress(), e);
      }
    }
    if (!bind.isAnyLocalAddress()) {
      return bind;
    }
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            return a;
          }
        }
      }
    } catch (SocketException e) {
      log.warn("cannot list network interfaces: {}", e.toString());
    }
    log.warn(
        "TURN: no non-loopback IPv4 address found for relaying; relaying on 127.0.0.1"
            + " (set --turn-relay-ip)");
    return InetAddress.getLoopbackAddress();
  }

  /**
   * The server's own addresses, which the core never relays to (it adds the relay address itself):
   * the bind address, or with a wildcard bind every address of the machine's interfaces.
   */
  static Set<InetAddress> ownAddresses(InetAddress bind) {
    Set<InetAddress> own = new LinkedHashSet<>();
    if (!bind.isAnyLocalAddress()) {
      own.add(bind);
      return own;
    }
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        own.addAll(Collections.list(nif.getInetAddresses()));
      }
    } catch (SocketException e) {
      log.warn("cannot list network interfaces: {}", e.toString());
    }
    return own;
  }
}
