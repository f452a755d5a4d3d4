package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceRole;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.IceControlled;
import dev.squall.stun.attribute.IceControlling;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.Priority;
import dev.squall.stun.attribute.UseCandidate;
import dev.squall.stun.attribute.Username;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Answers incoming connectivity checks (RFC 8445 §7.3): checks FINGERPRINT, USERNAME ({@code
 * ourUfrag:theirUfrag}, current session or the one before a restart) and MESSAGE-INTEGRITY with our
 * password (400/401 otherwise, RFC 8489 §9.1.3); resolves role conflicts with the tie-breaker (487,
 * §7.3.1.1); sends a success response with XOR-MAPPED-ADDRESS of the source; learns the source as a
 * peer-reflexive remote candidate when it was never signalled (§7.3.1.3); queues a triggered check
 * (§7.3.1.4); and records USE-CANDIDATE when controlled (§7.3.1.5).
 */
final class Responder {

  private final IceCore core;

  Responder(IceCore core) {
    this.core = core;
  }

  void handle(LocalBase base, InetSocketAddress from, StunMessage request) {
    if (!core.checkable(base)) {
      return; // RELAY policy: this host address takes no part in ICE
    }
    if (request.hasFingerprint() && !request.verifyFingerprint()) {
      return;
    }
    Optional<Username> username = request.attribute(Username.class);
    if (username.isEmpty() || request.attribute(MessageIntegrity.class).isEmpty()) {
      reply(base, from, IceMessages.error(request, ErrorCode.BAD_REQUEST, null));
      return;
    }
    String name = username.get().value();
    int colon = name.indexOf(':');
    Session session = colon < 0 ? null : core.sessionByLocalUfrag(name.substring(0, colon));
    if (session == null
        || !request.verifyIntegrity(StunCredentials.shortTermKey(session.local.pwd()))) {
      reply(base, from, IceMessages.error(request, ErrorCode.UNAUTHENTICATED, null));
      return;
    }
    String pwd = session.local.pwd();
    if (session == core.current() && roleConflictRejected(request)) {
      reply(base, from, IceMessages.error(request, ErrorCode.ROLE_CONFLICT, pwd));
      return;
    }
    reply(base, from, IceMessages.success(request, from, pwd));
    if (session != core.current() || !session.bases.contains(base) || core.isClosed()) {
      return; // the old session only keeps its selected pair alive
    }
    CandidatePair pair = pairFor(session, base, from, request);
    if (pair == null) {
      return;
    }
    pair.requestAnswered();
    boolean useCandidate = request.attribute(UseCandidate.class).isPresent();
    if (useCandidate && core.role() == IceRole.CONTROLLED) {
      pair.markUseCandidateReceived();
      if (pair.isValid()) {
        pair.markNominated();
        core.nominated(session, pair);
        return;
      }
    }
    if (!pair.isValid()) {
      session.checks.trigger(pair);
      core.pacer.kick();
    }
    core.updateState();
  }

  /**
   * Applies §7.3.1.1. Returns true when we keep our role and the peer must switch (487); switches
   * our role and returns false when we lose.
   */
  private boolean roleConflictRejected(StunMessage request) {
    IceRole role = core.role();
    Optional<IceControlling> controlling = request.attribute(IceControlling.class);
    Optional<IceControlled> controlled = request.attribute(IceControlled.class);
    if (role == IceRole.CONTROLLING && controlling.isPresent()) {
      if (Long.compareUnsigned(core.tieBreaker, controlling.get().tieBreaker()) >= 0) {
        return true;
      }
      core.switchRole(IceRole.CONTROLLED);
    } else if (role == IceRole.CONTROLLED && controlled.isPresent()) {
      if (Long.compareUnsigned(core.tieBreaker, controlled.get().tieBreaker()) >= 0) {
        core.switchRole(IceRole.CONTROLLING);
      } else {
        return true;
      }
    }
    return false;
  }

  private CandidatePair pairFor(
      Session session, LocalBase base, InetSocketAddress from, StunMessage request) {
    RemoteCandidate remote = session.remotes.get(from);
    if (remote == null) {
      long priority =
          request
              .attribute(Priority.class)
              .map(Priority::priority)
              .orElse(
                  Priorities.candidate(
                      CandidateType.PEER_REFLEXIVE, Priorities.localPreference(0), 1));
      IceCandidate prflx =
          IceCandidate.udp(
              session.nextPrflxFoundation(),
              priority,
              from.getAddress().getHostAddress(),
              from.getPort(),
              CandidateType.PEER_REFLEXIVE);
      remote = new RemoteCandidate(prflx, from);
      session.remotes.put(from, remote);
    }
    Optional<CandidatePair> existing = session.checks.find(base, from);
    if (existing.isPresent()) {
      return existing.get();
    }
    return session.checks.add(new CandidatePair(base, remote, core.role())).orElse(null);
  }

  private static void reply(LocalBase base, InetSocketAddress to, byte[] response) {
    base.transport().send(to, response);
  }
}
