package dev.squall.ice;

/** The role of an ICE agent (RFC 8445 §6.1.1): the controlling agent nominates the pair. */
public enum IceRole {
  CONTROLLING,
  CONTROLLED;

  /** The other role. */
  public IceRole opposite() {
    return this == CONTROLLING ? CONTROLLED : CONTROLLING;
  }
}
