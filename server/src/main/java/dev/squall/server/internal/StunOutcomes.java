package dev.squall.server.internal;

import dev.squall.stun.StunServerResult;
import java.util.Locale;

/** The metric tag value of a STUN outcome: the enum name in lower case. */
final class StunOutcomes {

  private StunOutcomes() {}

  static String tag(StunServerResult.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }
}
