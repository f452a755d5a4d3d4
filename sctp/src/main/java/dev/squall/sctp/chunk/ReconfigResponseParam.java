package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * Re-configuration Response (RFC 6525 §4.4, type 16) in RE-CONFIG. The optional next-TSN fields
 * (used only for SSN/TSN resets) are not produced and are skipped when received.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Parameter Type = 16       |      Parameter Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Re-configuration Response Sequence Number             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Result                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Sender's Next TSN (optional)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Receiver's Next TSN (optional)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ReconfigResponseParam(int responseSeq, int result) implements Param {

  public static final int SUCCESS_NOTHING_TO_DO = 0;
  public static final int SUCCESS_PERFORMED = 1;
  public static final int DENIED = 2;
  public static final int ERROR_WRONG_SSN = 3;
  public static final int ERROR_IN_PROGRESS = 4;
  public static final int ERROR_BAD_SEQUENCE_NUMBER = 5;
  public static final int IN_PROGRESS = 6;

  static ReconfigResponseParam decode(ByteReader r) {
    int seq = r.readI32();
    int result = r.readI32();
    if (r.remaining() >= 8) {
      r.skip(8);
    }
    return new ReconfigResponseParam(seq, result);
  }

  @Override
  public int type() {
    return RECONFIG_RESPONSE;
  }

  @Override
  public int valueLength() {
    return 8;
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putI32(responseSeq).putI32(result);
  }
}
