package dev.squall.peer;

import dev.squall.datachannel.DataChannelState;
import java.util.Objects;

/**
 * One DataChannel, named after the W3C {@code RTCDataChannelStats}. Counts are of user messages and
 * their payload bytes (an empty message counts 0 bytes), not of DCEP or SCTP overhead.
 *
 * @param label the channel's label
 * @param protocol the sub-protocol, or empty
 * @param id the SCTP stream id (W3C {@code dataChannelIdentifier}), -1 before one is assigned
 * @param state the channel's state
 * @param messagesSent messages handed to SCTP
 * @param bytesSent their payload bytes
 * @param messagesReceived messages received
 * @param bytesReceived their payload bytes
 */
public record DataChannelStats(
    String label,
    String protocol,
    int id,
    DataChannelState state,
    long messagesSent,
    long bytesSent,
    long messagesReceived,
    long bytesReceived) {

  public DataChannelStats {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(state, "state");
  }
}
