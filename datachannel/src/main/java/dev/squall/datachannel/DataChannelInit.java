package dev.squall.datachannel;

/**
 * The W3C {@code RTCDataChannelInit}: delivery mode and how the channel is opened. At most one of
 * {@code maxRetransmits} and {@code maxPacketLifeTime} may be set; {@code id} is required for a
 * negotiated channel (both ends create it with the same id, no DCEP) and ignored otherwise.
 *
 * @param ordered in-order delivery
 * @param maxRetransmits retransmission limit, or null
 * @param maxPacketLifeTime lifetime in milliseconds, or null
 * @param protocol sub-protocol name
 * @param negotiated true when the application agreed on the channel out of band
 * @param id the stream id of a negotiated channel, or null
 */
public record DataChannelInit(
    boolean ordered,
    Integer maxRetransmits,
    Integer maxPacketLifeTime,
    String protocol,
    boolean negotiated,
    Integer id) {

  /** Ordered and reliable, opened with DCEP. */
  public static final DataChannelInit DEFAULT =
      new DataChannelInit(true, null, null, "", false, null);

  public DataChannelInit {
    if (maxRetransmits != null && maxPacketLifeTime != null) {
      throw new IllegalArgumentException("set maxRetransmits or maxPacketLifeTime, not both");
    }
    if ((maxRetransmits != null && maxRetransmits < 0)
        || (maxPacketLifeTime != null && maxPacketLifeTime < 0)) {
      throw new IllegalArgumentException("negative reliability limit");
    }
    if (negotiated && (id == null || id < 0 || id > 65534)) {
      throw new IllegalArgumentException("a negotiated channel needs an id in 0..65534");
    }
    protocol = protocol == null ? "" : protocol;
  }

  public DataChannelInit withOrdered(boolean v) {
    return new DataChannelInit(v, maxRetransmits, maxPacketLifeTime, protocol, negotiated, id);
  }

  public DataChannelInit withMaxRetransmits(Integer v) {
    return new DataChannelInit(ordered, v, maxPacketLifeTime, protocol, negotiated, id);
  }

  public DataChannelInit withMaxPacketLifeTime(Integer v) {
    return new DataChannelInit(ordered, maxRetransmits, v, protocol, negotiated, id);
  }

  public DataChannelInit withProtocol(String v) {
    return new DataChannelInit(ordered, maxRetransmits, maxPacketLifeTime, v, negotiated, id);
  }

  /** A negotiated channel on stream {@code streamId}. */
  public DataChannelInit withNegotiatedId(int streamId) {
    return new DataChannelInit(
        ordered, maxRetransmits, maxPacketLifeTime, protocol, true, streamId);
  }
}
