package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import dev.squall.ice.IceCandidate;
import dev.squall.turn.client.TurnAllocation;
import dev.squall.turn.client.TurnClient;
import dev.squall.turn.client.TurnClientConfig;
import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnException;
import dev.squall.turn.client.TurnPath;
import dev.squall.turn.client.TurnStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's relay candidates (RFC 8445 §5.1.1.2, RFC 8656): one TURN allocation per UDP TURN
 * server and host base of its address family (the Allocate leaves from that base, so the server's
 * messages arrive on the host transport and are routed here by {@link #handle}), and one per TCP or
 * TLS TURN server over a connection the configured connector opens. Each allocation becomes a relay
 * {@link LocalBase} whose transport is the {@link TurnAllocation}: checks and data to a peer go
 * through the server, permissions installed as the checks need them. The {@link TurnClient}s keep
 * allocations, permissions and channels refreshed for the agent's life; {@link #close()} deletes
 * the allocations (Refresh with lifetime 0) and closes the TURN connections.
 */
final class Relays {

  private static final Logger LOG = LoggerFactory.getLogger(Relays.class);

  private final IceCore core;
  private final Map<LocalBase, Map<InetSocketAddress, TurnClient>> overUdp = new HashMap<>();
  private final List<TurnClient> clients = new ArrayList<>();
  private final List<TurnStream> streams = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private boolean streamsStarted;
  private boolean closed;

  Relays(IceCore core) {
    this.core = core;
  }

  /**
   * Starts the allocations not started yet for {@code session}'s host bases; each success adds a
   * relay base to the agent.
   *
   * @return one future per allocation started, completing (never failing) when it ended either way
   */
  List<CompletableFuture<Void>> gather(Session session) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    if (closed) {
      return pending;
    }
    for (TurnEndpoint server : core.config.turnServers()) {
      if (server.transport().isStream()) {
        if (!streamsStarted) {
          pending.add(overStream(server));
        }
        continue;
      }
      for (LocalBase base : List.copyOf(session.bases)) {
        if (base.isRelay()
            || base.isIpv4() != (server.address().getAddress() instanceof Inet4Address)) {
          continue;
        }
        Map<InetSocketAddress, TurnClient> byServer =
            overUdp.computeIfAbsent(base, b -> new HashMap<>());
        if (byServer.containsKey(server.address())) {
          continue;
        }
        TurnClient client =
            new TurnClient(
                TurnPath.overDatagrams(base.transport(), server.address()), clientConfig(server));
        byServer.put(server.address(), client);
        pending.add(allocate(client, server, base));
      }
    }
    streamsStarted = true;
    return pending;
  }

  /**
   * A datagram on a host base: when it came from a TURN server this base allocates on, its client
   * takes it.
   *
   * @return true when a TURN client consumed it
   */
  boolean handle(LocalBase base, InetSocketAddress from, byte[] data) {
    if (overUdp.isEmpty()) {
      return false; // no UDP TURN server: skip hashing the base record for every datagram
    }
    Map<InetSocketAddress, TurnClient> byServer = overUdp.get(base);
    if (byServer == null) {
      return false;
    }
    TurnClient client = byServer.get(from);
    return client != null && client.handle(data);
  }

  /** Why allocations failed, for the agent's failure reason ("" when none did). */
  String failures() {
    return failures.isEmpty() ? "" : "; TURN: " + String.join("; ", failures);
  }

  /** Deletes every allocation and closes the TURN connections. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (TurnClient c : clients) {
      c.close();
    }
    for (TurnStream s : streams) {
      s.close();
    }
  }

  private CompletableFuture<Void> overStream(TurnEndpoint server) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture<TurnStream> connecting;
    try {
      connecting = core.config.turnConnector().connect(server, core.scheduler);
    } catch (RuntimeException e) {
      connecting = CompletableFuture.failedFuture(e);
    }
    connecting.whenComplete(
        (stream, error) ->
            core.scheduler.execute(
                () -> {
                  if (error != null) {
                    failed(server, unwrap(error));
                    done.complete(null);
                    return;
                  }
                  if (closed) {
                    stream.close();
                    done.complete(null);
                    return;
                  }
                  streams.add(stream);
                  TurnClient client = new TurnClient(stream, clientConfig(server));
                  stream.onMessage(client::handle);
                  stream.onClose(client::close);
                  allocate(client, server, null).whenComplete((v, e) -> done.complete(null));
                }));
    return done;
  }

  private CompletableFuture<Void> allocate(TurnClient client, TurnEndpoint server, LocalBase via) {
    clients.add(client);
    return client
        .allocate()
        .handle(
            (allocation, error) -> {
              if (error != null) {
                failed(server, unwrap(error));
              } else if (!closed && !core.isClosed()) {
                core.addRelayBase(allocation, candidate(allocation, server, via));
              }
              return null;
            });
  }

  private IceCandidate candidate(TurnAllocation allocation, TurnEndpoint server, LocalBase via) {
    InetSocketAddress relayed = allocation.relayedAddress();
    InetSocketAddress related =
        allocation
            .mappedAddress()
            .orElse(via != null ? via.address() : allocation.client().path().localAddress());
    String baseIp = via != null ? via.address().getAddress().getHostAddress() : "stream";
    return IceCandidate.udp(
            Priorities.foundation(
                CandidateType.RELAYED,
                baseIp,
                server.address().getAddress().getHostAddress() + "/" + server.transport()),
            Priorities.candidate(
                CandidateType.RELAYED, Priorities.localPreference(core.nextBaseIndex()), 1),
            relayed.getAddress().getHostAddress(),
            relayed.getPort(),
            CandidateType.RELAYED)
        .withRelated(related.getAddress().getHostAddress(), related.getPort());
  }

  private TurnClientConfig clientConfig(TurnEndpoint server) {
    return TurnClientConfig.of(server.username(), server.password())
        .withRandom(core.config.random());
  }

  private void failed(TurnEndpoint server, Throwable error) {
    String reason = error instanceof TurnException ? error.getMessage() : String.valueOf(error);
    LOG.debug("no relay candidate from {}: {}", server, reason);
    failures.add(server + ": " + reason);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
