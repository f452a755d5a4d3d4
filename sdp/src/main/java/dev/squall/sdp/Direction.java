package dev.squall.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * Media direction attributes {@code a=sendrecv}, {@code a=sendonly}, {@code a=recvonly}, {@code
 * a=inactive} (RFC 8866 §6.7). Property attributes: they carry no value.
 */
public enum Direction {
  SENDRECV,
  SENDONLY,
  RECVONLY,
  INACTIVE;

  /** The direction named by an attribute name, if it is one. */
  public static Optional<Direction> of(String attributeName) {
    return switch (attributeName) {
      case "sendrecv" -> Optional.of(SENDRECV);
      case "sendonly" -> Optional.of(SENDONLY);
      case "recvonly" -> Optional.of(RECVONLY);
      case "inactive" -> Optional.of(INACTIVE);
      default -> Optional.empty();
    };
  }

  /** The attribute name. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The direction as seen from the other side (sendonly ↔ recvonly). */
  public Direction reverse() {
    return switch (this) {
      case SENDONLY -> RECVONLY;
      case RECVONLY -> SENDONLY;
      default -> this;
    };
  }

  /** The property attribute. */
  public Attribute toAttribute() {
    return Attribute.flag(token());
  }
}
