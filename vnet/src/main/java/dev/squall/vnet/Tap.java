package dev.squall.vnet;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Sees every packet entering a {@link Pipe}, before loss, MTU and delay, and decides its fate:
 * return it to let it through, a different packet to alter it, or null to drop it. Taps run in the
 * order they were added; a packet dropped by one is not seen by the next. Taps are deterministic:
 * "the 3rd matching packet" is the same packet on every run.
 */
@FunctionalInterface
public interface Tap {

  /** Returns the packet to forward, possibly altered, or null to drop it. */
  Packet process(Packet packet);

  /** What to do with the {@code index}-th packet (counted from 1) that matched a predicate. */
  @FunctionalInterface
  interface MatchAction {
    Packet apply(int index, Packet packet);
  }

  /** Passes every packet on after showing it to {@code observer}. */
  static Tap observe(Consumer<Packet> observer) {
    Objects.requireNonNull(observer, "observer");
    return packet -> {
      observer.accept(packet);
      return packet;
    };
  }

  /** Counts the packets matching {@code which} and lets {@code action} decide their fate. */
  static Tap matching(Predicate<Packet> which, MatchAction action) {
    Objects.requireNonNull(which, "which");
    Objects.requireNonNull(action, "action");
    int[] count = {0};
    return packet -> which.test(packet) ? action.apply(++count[0], packet) : packet;
  }

  /** Drops every packet matching {@code which}. */
  static Tap drop(Predicate<Packet> which) {
    return matching(which, (i, p) -> null);
  }

  /** Drops the {@code n}-th packet (from 1) matching {@code which}, and only that one. */
  static Tap dropNth(int n, Predicate<Packet> which) {
    requirePositive(n);
    return matching(which, (i, p) -> i == n ? null : p);
  }

  /** Replaces the {@code n}-th packet matching {@code which} by {@code alter.apply(packet)}. */
  static Tap alterNth(int n, Predicate<Packet> which, UnaryOperator<Packet> alter) {
    requirePositive(n);
    Objects.requireNonNull(alter, "alter");
    return matching(which, (i, p) -> i == n ? alter.apply(p) : p);
  }

  private static void requirePositive(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n counts from 1: " + n);
    }
  }
}
