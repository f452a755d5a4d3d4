package dev.squall.sctp.chunk;

import dev.squall.util.ByteWriter;

/**
 * Unrecognized Parameter (RFC 9260 §3.3.3.1, type 8) in INIT-ACK: carries, whole, a parameter of
 * the INIT that the responder did not understand and whose type asked to be reported.
 *
 * <pre>
 * |          Type = 8             |          Length               |
 * \                   Unrecognized Parameter                      \
 * </pre>
 */
public record UnrecognizedParam(byte[] parameter) implements Param {
  @Override
  public int type() {
    return UNRECOGNIZED;
  }

  @Override
  public int valueLength() {
    return parameter.length;
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putBytes(parameter);
  }
}
