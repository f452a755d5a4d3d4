package dev.squall.ice.internal;

import dev.squall.ice.IceRole;
import dev.squall.util.Cancellable;

/**
 * Regular nomination by the controlling agent (RFC 8445 §8.1.1): once a pair is valid, nominate at
 * once when no better pair can still succeed, else after {@code nominationDelay} nominate the best
 * valid pair then. Nominating sends a check with USE-CANDIDATE on that pair; if it fails, the next
 * best valid pair is tried. Idle in the controlled role and once the session has a selected pair.
 */
final class Nominator {

  private final IceCore core;
  private Cancellable timer = Cancellable.NONE;
  private CandidatePair nominating;

  Nominator(IceCore core) {
    this.core = core;
  }

  void pairValid(CandidatePair pair) {
    if (!active() || nominating != null) {
      return;
    }
    if (!core.current().checks.betterPending(pair)) {
      nominateBest();
    } else {
      armTimer();
    }
  }

  /** A pair that was not valid failed: a waiting nomination may go ahead now. */
  void pairFailed(CandidatePair pair) {
    if (!active() || nominating != null) {
      return;
    }
    var valid = core.current().checks.valid();
    if (!valid.isEmpty() && !core.current().checks.betterPending(valid.get(0))) {
      nominateBest();
    }
  }

  /** The USE-CANDIDATE check on {@code pair} failed or met a role conflict. */
  void nominationFailed(CandidatePair pair) {
    if (pair != nominating) {
      return;
    }
    nominating = null;
    if (active()) {
      core.current().checks.valid().stream()
          .filter(p -> p != pair)
          .findFirst()
          .ifPresent(this::nominate);
    }
  }

  void roleChanged() {
    timer.cancel();
    nominating = null;
    if (active() && !core.current().checks.valid().isEmpty()) {
      armTimer();
    }
  }

  void reset() {
    timer.cancel();
    nominating = null;
  }

  private boolean active() {
    return core.role() == IceRole.CONTROLLING
        && core.current().selected == null
        && core.failureReason() == null
        && !core.isClosed();
  }

  private void armTimer() {
    timer.cancel();
    timer = core.scheduler.schedule(core.config.nominationDelay(), this::nominateBest);
  }

  private void nominateBest() {
    if (active() && nominating == null) {
      core.current().checks.valid().stream().findFirst().ifPresent(this::nominate);
    }
  }

  private void nominate(CandidatePair pair) {
    timer.cancel();
    nominating = pair;
    core.checker.check(core.current(), pair, true);
  }
}
