package dev.squall.datachannel;

/** The W3C {@code RTCDataChannelState}. */
public enum DataChannelState {
  CONNECTING,
  OPEN,
  CLOSING,
  CLOSED
}
