package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.TransactionId;
import dev.squall.stun.transaction.StunTransactionConfig;
import dev.squall.util.Cancellable;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Consent freshness on the selected pair (RFC 7675): a Binding request with the session's
 * credentials every {@code consentInterval} randomised by 0.8–1.2, each a new transaction sent once
 * (§5.1). Every success response refreshes consent. With no response for {@code disconnectedAfter}
 * the agent reports DISCONNECTED (a response brings it back); after {@code consentTimeout} consent
 * is lost and the agent fails with the reason.
 */
final class ConsentMonitor {

  private final IceCore core;
  private final Requester requester;
  private Session session;
  private CandidatePair pair;
  private long lastResponse;
  private boolean disconnected;
  private Cancellable sendTimer = Cancellable.NONE;
  private Cancellable expiryTimer = Cancellable.NONE;
  private Cancellable disconnectTimer = Cancellable.NONE;

  ConsentMonitor(IceCore core) {
    this.core = core;
    Duration interval = core.config.consentInterval();
    this.requester =
        new Requester(
            core.scheduler,
            new StunTransactionConfig(interval.dividedBy(10), 1, 10, Duration.ofSeconds(39)));
  }

  void start(Session s, CandidatePair p) {
    stop();
    session = s;
    pair = p;
    lastResponse = core.scheduler.nanoTime();
    disconnected = false;
    armTimers();
    scheduleSend();
  }

  void stop() {
    sendTimer.cancel();
    expiryTimer.cancel();
    disconnectTimer.cancel();
    requester.cancelAll();
    pair = null;
    disconnected = false;
  }

  boolean isDisconnected() {
    return disconnected;
  }

  boolean handle(LocalBase base, InetSocketAddress from, StunMessage response) {
    return requester.handle(base, from, response);
  }

  private void scheduleSend() {
    double factor = 0.8 + 0.4 * core.config.random().nextDouble();
    long delay = (long) (core.config.consentInterval().toNanos() * factor);
    sendTimer = core.scheduler.schedule(Duration.ofNanos(delay), this::send);
  }

  private void send() {
    CandidatePair p = pair;
    if (p == null || session.remote == null) {
      return;
    }
    StunMessage request =
        IceMessages.check(
            TransactionId.random(core.config.random()),
            session.local,
            session.remote,
            Priorities.candidate(
                CandidateType.PEER_REFLEXIVE, Priorities.localPreference(p.local().index()), 1),
            core.role(),
            core.tieBreaker,
            false);
    p.consentRequestSent();
    requester
        .send(
            p.local(),
            p.remote().address(),
            request,
            StunCredentials.shortTermKey(session.remote.pwd()),
            p::responseReceived)
        .whenComplete(
            (response, error) -> {
              if (response != null
                  && response.messageClass() == StunClass.SUCCESS_RESPONSE
                  && pair == p) {
                refreshed();
              }
            });
    scheduleSend();
  }

  private void refreshed() {
    lastResponse = core.scheduler.nanoTime();
    armTimers();
    if (disconnected) {
      disconnected = false;
      core.updateState();
    }
  }

  private void armTimers() {
    expiryTimer.cancel();
    disconnectTimer.cancel();
    expiryTimer = core.scheduler.schedule(core.config.consentTimeout(), this::expired);
    disconnectTimer =
        core.scheduler.schedule(
            core.config.disconnectedAfter(),
            () -> {
              disconnected = true;
              core.updateState();
            });
  }

  private void expired() {
    CandidatePair p = pair;
    if (p == null) {
      return;
    }
    long secs = core.config.consentTimeout().toSeconds();
    stop();
    core.consentLost(
        "consent expired: no response on the selected pair " + p + " for " + secs + " s");
  }
}
