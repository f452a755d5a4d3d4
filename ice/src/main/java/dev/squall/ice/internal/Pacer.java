package dev.squall.ice.internal;

import dev.squall.util.Cancellable;

/**
 * Paces connectivity checks (RFC 8445 §6.1.4.2): one check every Ta, triggered checks first, then
 * the best Waiting pair, then the best Frozen one. Ordinary checks stop once the session has a
 * selected pair; triggered checks go on. Sleeps when there is nothing to send and until the remote
 * credentials are known; {@link #kick()} wakes it.
 */
final class Pacer {

  private final IceCore core;
  private Cancellable timer = Cancellable.NONE;
  private boolean running;

  Pacer(IceCore core) {
    this.core = core;
  }

  /** Starts pacing if there is work and it is not running already. */
  void kick() {
    if (!running && hasWork()) {
      running = true;
      timer = core.scheduler.schedule(java.time.Duration.ZERO, this::tick);
    }
  }

  void stop() {
    timer.cancel();
    running = false;
  }

  private boolean hasWork() {
    Session s = core.current();
    return !core.isClosed()
        && core.failureReason() == null
        && s.remote != null
        && s.checks.hasWork(s.selected == null);
  }

  private void tick() {
    running = false;
    if (!hasWork()) {
      return;
    }
    Session s = core.current();
    s.checks.next(s.selected == null).ifPresent(pair -> core.checker.check(s, pair, false));
    running = true;
    timer = core.scheduler.schedule(core.config.pacing(), this::tick);
  }
}
