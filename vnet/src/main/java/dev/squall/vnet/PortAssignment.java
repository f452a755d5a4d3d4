package dev.squall.vnet;

/** How a NAT picks the external port of a new mapping (RFC 4787 section 4.2.1). */
public enum PortAssignment {
  /**
   * Keep the internal port when it is free on the external address, else as {@link #SEQUENTIAL}.
   */
  PRESERVE,
  /** The next free port from 49152 upwards. */
  SEQUENTIAL,
  /** A free port in 49152..65535 drawn from the network's seeded random source. */
  RANDOM
}
