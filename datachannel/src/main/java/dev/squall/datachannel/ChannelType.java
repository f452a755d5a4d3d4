package dev.squall.datachannel;

/**
 * The Channel Type field of DATA_CHANNEL_OPEN (RFC 8832 §5.1): reliability kind, with the high bit
 * (0x80) set for unordered delivery.
 */
public enum ChannelType {
  RELIABLE(0x00),
  RELIABLE_UNORDERED(0x80),
  PARTIAL_RELIABLE_REXMIT(0x01),
  PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
  PARTIAL_RELIABLE_TIMED(0x02),
  PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

  private final int value;

  ChannelType(int value) {
    this.value = value;
  }

  /** The wire value. */
  public int value() {
    return value;
  }

  public boolean ordered() {
    return (value & 0x80) == 0;
  }

  /** True for the retransmission-limited kinds. */
  public boolean rexmit() {
    return (value & 0x7F) == 0x01;
  }

  /** True for the lifetime-limited kinds. */
  public boolean timed() {
    return (value & 0x7F) == 0x02;
  }

  /** The type for a delivery mode; at most one of the limits is set. */
  public static ChannelType of(boolean ordered, boolean rexmit, boolean timed) {
    int base = rexmit ? 0x01 : timed ? 0x02 : 0x00;
    return fromValue(base | (ordered ? 0 : 0x80));
  }

  /** The type with this wire value, or null. */
  public static ChannelType fromValue(int value) {
    for (ChannelType t : values()) {
      if (t.value == value) {
        return t;
      }
    }
    return null;
  }
}
