package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceTransportPolicy;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.XorMappedAddress;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers the local candidates of a session (RFC 8445 §5.1.1): a host candidate per transport, then
 * a server-reflexive one per transport and STUN server of the same address family (Binding request,
 * no credentials), skipping reflexive addresses equal to the host address or already found, and a
 * relay one per TURN allocation ({@link Relays}). Under the RELAY policy only relay candidates are
 * gathered. Candidates are reported as they come (trickle, RFC 8838); gathering completes when
 * every Binding transaction and every Allocate ended.
 */
final class Gatherer {

  private final IceCore core;
  private final Requester requester;

  Gatherer(IceCore core) {
    this.core = core;
    this.requester = new Requester(core.scheduler, core.config.gatherTransactions());
  }

  void gather(Session session) {
    int[] pending = {0};
    boolean relayOnly = core.config.transportPolicy() == IceTransportPolicy.RELAY;
    for (LocalBase base : session.bases) {
      if (base.isRelay() || !relayOnly) {
        core.localCandidate(session, withUfrag(session, base.host()));
      }
    }
    Runnable ended =
        () -> {
          if (--pending[0] == 0) {
            core.gatheringComplete(session);
          }
        };
    for (LocalBase base : relayOnly ? List.<LocalBase>of() : session.bases) {
      if (base.isRelay()) {
        continue;
      }
      for (InetSocketAddress server : core.config.stunServers()) {
        if ((server.getAddress() instanceof Inet4Address) != base.isIpv4()) {
          continue;
        }
        pending[0]++;
        requester
            .send(
                base, server, IceMessages.binding(TransactionId.random(core.config.random())), null)
            .whenComplete(
                (response, error) -> {
                  if (response != null) {
                    reflexive(session, base, server, response);
                  }
                  ended.run();
                });
      }
    }
    for (CompletableFuture<Void> allocation : core.relays.gather(session)) {
      pending[0]++;
      allocation.whenComplete((v, e) -> ended.run());
    }
    if (pending[0] == 0) {
      core.scheduler.execute(() -> core.gatheringComplete(session));
    }
  }

  boolean handle(LocalBase base, InetSocketAddress from, StunMessage response) {
    return requester.handle(base, from, response);
  }

  void cancelAll() {
    requester.cancelAll();
  }

  private void reflexive(
      Session session, LocalBase base, InetSocketAddress server, StunMessage response) {
    if (response.messageClass() != StunClass.SUCCESS_RESPONSE) {
      return;
    }
    InetSocketAddress mapped =
        response.attribute(XorMappedAddress.class).map(XorMappedAddress::address).orElse(null);
    if (mapped == null || mapped.equals(base.address()) || session.isLocalAddress(mapped)) {
      return;
    }
    String ip = mapped.getAddress().getHostAddress();
    IceCandidate srflx =
        IceCandidate.udp(
                Priorities.foundation(
                    CandidateType.SERVER_REFLEXIVE,
                    base.address().getAddress().getHostAddress(),
                    server.getAddress().getHostAddress()),
                Priorities.candidate(
                    CandidateType.SERVER_REFLEXIVE, Priorities.localPreference(base.index()), 1),
                ip,
                mapped.getPort(),
                CandidateType.SERVER_REFLEXIVE)
            .withRelated(base.host().address(), base.host().port());
    core.localCandidate(session, withUfrag(session, srflx));
  }

  private static IceCandidate withUfrag(Session session, IceCandidate c) {
    return c.withExtension("generation", "0").withExtension("ufrag", session.local.ufrag());
  }
}
