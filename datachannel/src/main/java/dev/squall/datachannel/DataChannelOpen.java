package dev.squall.datachannel;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * DATA_CHANNEL_OPEN (RFC 8832 §5.1), sent with PPID 50 on the stream of the new channel.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Message Type |  Channel Type |            Priority           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Reliability Parameter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Label Length          |       Protocol Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                             Label                             \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                            Protocol                           \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Message Type is 0x03. The reliability parameter is the retransmission limit (rexmit types) or the
 * lifetime in milliseconds (timed types), and is ignored (0) for reliable types. Label and protocol
 * are UTF-8 of at most 65,535 bytes each.
 *
 * @param channelType delivery mode
 * @param priority 0..65535 (RFC 8831 §6.4: 128 below normal, 256 normal, 512 high, 1024 extra)
 * @param reliabilityParameter 0..2^32-1
 * @param label the channel's label
 * @param protocol the sub-protocol, often empty
 */
public record DataChannelOpen(
    ChannelType channelType,
    int priority,
    long reliabilityParameter,
    String label,
    String protocol) {

  public static final int MESSAGE_TYPE = 0x03;

  /** Normal priority (RFC 8831 §6.4). */
  public static final int PRIORITY_NORMAL = 256;

  public DataChannelOpen {
    Objects.requireNonNull(channelType, "channelType");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(protocol, "protocol");
    if (priority < 0 || priority > 0xFFFF) {
      throw new IllegalArgumentException("priority out of 0..65535: " + priority);
    }
    if (reliabilityParameter < 0 || reliabilityParameter > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("reliability parameter out of range");
    }
    if (utf8(label).length > 0xFFFF || utf8(protocol).length > 0xFFFF) {
      throw new IllegalArgumentException("label or protocol longer than 65535 bytes");
    }
  }

  public byte[] encode() {
    byte[] l = utf8(label);
    byte[] p = utf8(protocol);
    return new ByteWriter(12 + l.length + p.length)
        .putU8(MESSAGE_TYPE)
        .putU8(channelType.value())
        .putU16(priority)
        .putU32(reliabilityParameter)
        .putU16(l.length)
        .putU16(p.length)
        .putBytes(l)
        .putBytes(p)
        .toByteArray();
  }

  /**
   * @throws DataChannelException when the message is not a well-formed DATA_CHANNEL_OPEN
   */
  public static DataChannelOpen decode(byte[] data) throws DataChannelException {
    if (data == null || data.length < 12) {
      throw new DataChannelException("DATA_CHANNEL_OPEN shorter than 12 bytes");
    }
    ByteReader r = new ByteReader(data);
    int type = r.readU8();
    if (type != MESSAGE_TYPE) {
      throw new DataChannelException("not DATA_CHANNEL_OPEN: message type " + type);
    }
    int rawChannelType = r.readU8();
    ChannelType channelType = ChannelType.fromValue(rawChannelType);
    if (channelType == null) {
      throw new DataChannelException(
          "unknown channel type 0x" + Integer.toHexString(rawChannelType));
    }
    int priority = r.readU16();
    long reliability = r.readU32();
    int labelLength = r.readU16();
    int protocolLength = r.readU16();
    if (r.remaining() != labelLength + protocolLength) {
      throw new DataChannelException(
          "label and protocol lengths "
              + labelLength
              + "+"
              + protocolLength
              + " do not match the "
              + r.remaining()
              + " bytes left");
    }
    String label = decodeUtf8(r.readBytes(labelLength), "label");
    String protocol = decodeUtf8(r.readBytes(protocolLength), "protocol");
    return new DataChannelOpen(channelType, priority, reliability, label, protocol);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String decodeUtf8(byte[] bytes, String what) throws DataChannelException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DataChannelException(what + " is not valid UTF-8");
    }
  }
}
