package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import dev.squall.ice.IceRole;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.transaction.StunTimeoutException;
import java.net.InetSocketAddress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * Sends connectivity checks and processes their outcome (RFC 8445 §7.2.4, §7.2.5): success makes
 * the pair valid (and nominated when the check carried USE-CANDIDATE, or when the controlled agent
 * had received USE-CANDIDATE for it), learns a local peer-reflexive address from
 * XOR-MAPPED-ADDRESS, and unfreezes the foundation; 487 switches the role and retries; other
 * errors, timeouts and non-symmetric responses fail the pair.
 */
final class Checker {

  private final IceCore core;
  private final Requester requester;

  Checker(IceCore core) {
    this.core = core;
    this.requester = new Requester(core.scheduler, core.config.checkTransactions());
  }

  /** Sends one check on {@code pair} of {@code session} now. */
  void check(Session session, CandidatePair pair, boolean useCandidate) {
    if (session.remote == null) {
      return;
    }
    IceRole role = core.role();
    long prflx =
        Priorities.candidate(
            CandidateType.PEER_REFLEXIVE, Priorities.localPreference(pair.local().index()), 1);
    StunMessage request =
        IceMessages.check(
            TransactionId.random(core.config.random()),
            session.local,
            session.remote,
            prflx,
            role,
            core.tieBreaker,
            useCandidate);
    pair.checkStarted();
    pair.requestSent();
    byte[] key = StunCredentials.shortTermKey(session.remote.pwd());
    requester
        .send(pair.local(), pair.remote().address(), request, key, pair::responseReceived)
        .whenComplete(
            (response, error) -> done(session, pair, role, useCandidate, response, error));
  }

  boolean handle(LocalBase base, InetSocketAddress from, StunMessage response) {
    return requester.handle(base, from, response);
  }

  void cancelAll() {
    requester.cancelAll();
  }

  private void done(
      Session session,
      CandidatePair pair,
      IceRole sentRole,
      boolean useCandidate,
      StunMessage response,
      Throwable error) {
    pair.checkEnded();
    if (session != core.current() || core.isClosed()) {
      return;
    }
    if (error != null) {
      Throwable cause = error instanceof CompletionException ? error.getCause() : error;
      if (cause instanceof CancellationException) {
        return;
      }
      String reason =
          cause instanceof StunTimeoutException t
              ? "no response to " + t.transmissions() + " transmissions"
              : cause instanceof Requester.NonSymmetricResponse
                  ? "non-symmetric response"
                  : "" + cause;
      failed(session, pair, useCandidate, reason);
      return;
    }
    if (response.messageClass() == StunClass.ERROR_RESPONSE) {
      int code = IceMessages.errorCode(response);
      if (code == ErrorCode.ROLE_CONFLICT) {
        // §7.2.5.1: switch to the other role than the one the request claimed, then retry
        core.switchRole(sentRole.opposite());
        session.checks.trigger(pair);
        core.pacer.kick();
        if (useCandidate) {
          core.nominator.nominationFailed(pair);
        }
        return;
      }
      failed(session, pair, useCandidate, "error response " + code);
      return;
    }
    InetSocketAddress mapped =
        response.attribute(XorMappedAddress.class).map(XorMappedAddress::address).orElse(null);
    pair.succeed(mapped);
    if (mapped != null && !session.isLocalAddress(mapped)) {
      core.localCandidate(session, LocalPrflx.of(pair, mapped));
    }
    core.pairSucceeded(session, pair);
    boolean nominatedNow =
        (useCandidate && core.role() == IceRole.CONTROLLING)
            || (core.role() == IceRole.CONTROLLED && pair.useCandidateReceived());
    if (nominatedNow) {
      pair.markNominated();
      core.nominated(session, pair);
    }
  }

  private void failed(Session session, CandidatePair pair, boolean useCandidate, String reason) {
    if (useCandidate) {
      core.nominator.nominationFailed(pair);
    }
    if (pair.isValid() || pair.outstanding() > 0) {
      return; // an earlier check succeeded, or another one on this pair still runs
    }
    pair.fail(reason);
    core.pairFailed(session, pair);
  }
}
