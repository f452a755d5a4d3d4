package dev.squall.sctp;

/** Association states (RFC 9260 §4); CLOSED both before {@code connect} and at the end. */
public enum SctpState {
  CLOSED,
  COOKIE_WAIT,
  COOKIE_ECHOED,
  ESTABLISHED,
  SHUTDOWN_PENDING,
  SHUTDOWN_SENT,
  SHUTDOWN_RECEIVED,
  SHUTDOWN_ACK_SENT;

  /** True in the states where DATA may be sent and received. */
  public boolean carriesData() {
    return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_RECEIVED;
  }
}
