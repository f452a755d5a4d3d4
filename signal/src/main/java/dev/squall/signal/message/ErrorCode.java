package dev.squall.signal.message;

import java.util.Optional;

/** The {@code code} values of an {@code error} message (docs/signaling.md, "Error codes"). */
public enum ErrorCode {
  BAD_JSON("bad-json"),
  BAD_MESSAGE("bad-message"),
  UNKNOWN_TYPE("unknown-type"),
  TOO_LARGE("too-large"),
  RATE_LIMITED("rate-limited"),
  NOT_JOINED("not-joined"),
  ALREADY_JOINED("already-joined"),
  BAD_ROOM("bad-room"),
  BAD_NAME("bad-name"),
  ROOM_FULL("room-full"),
  UNAUTHORIZED("unauthorized"),
  UNKNOWN_PEER("unknown-peer"),
  RESUME_FAILED("resume-failed"),
  SERVER_BUSY("server-busy"),
  INTERNAL("internal");

  private final String wire;

  ErrorCode(String wire) {
    this.wire = wire;
  }

  /** The code as it appears on the wire, e.g. {@code room-full}. */
  public String wire() {
    return wire;
  }

  /** The code for a wire value; empty for codes this version does not know. */
  public static Optional<ErrorCode> fromWire(String wire) {
    for (ErrorCode c : values()) {
      if (c.wire.equals(wire)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
