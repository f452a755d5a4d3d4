package dev.squall.datachannel;

/**
 * SCTP Payload Protocol Identifiers used by WebRTC (RFC 8831 §8, RFC 8832 §8.1). An empty message
 * cannot travel in SCTP: it is sent as one zero byte with {@link #STRING_EMPTY} or {@link
 * #BINARY_EMPTY}, and the receiver ignores that byte.
 */
public final class Ppid {
  /** DataChannel Establishment Protocol (DATA_CHANNEL_OPEN, DATA_CHANNEL_ACK). */
  public static final int DCEP = 50;

  /** WebRTC String (UTF-8). */
  public static final int STRING = 51;

  /** WebRTC Binary. */
  public static final int BINARY = 53;

  /** WebRTC String Empty: one ignored byte. */
  public static final int STRING_EMPTY = 56;

  /** WebRTC Binary Empty: one ignored byte. */
  public static final int BINARY_EMPTY = 57;

  private Ppid() {}
}
