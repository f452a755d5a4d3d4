package dev.squall.vnet;

/** Why the virtual network discarded a packet. */
public enum DropReason {
  /** Random loss on a pipe ({@link LinkConditions#lossRate()}). */
  LOSS,
  /** Larger than the pipe's MTU (payload plus 28 bytes of IPv4 and UDP headers). */
  MTU,
  /** A {@link Tap} returned null. */
  TAP,
  /** No host or router owns the destination address. */
  NO_ROUTE,
  /** Inbound to a NAT's external port that has no live mapping. */
  NO_MAPPING,
  /** Inbound refused by the NAT's filtering behaviour. */
  FILTERED,
  /** Sent to the NAT's own external address by an inside host, and hairpinning is off. */
  HAIRPIN_DISABLED,
  /** The NAT had no free external port for a new mapping. */
  PORTS_EXHAUSTED,
  /** Reached the destination host, but no transport is bound to the port. */
  PORT_UNREACHABLE
}
