package dev.squall.sctp.chunk;

import dev.squall.util.ByteWriter;

/**
 * Forward-TSN-Supported (RFC 3758 §3.1, type 0xC000) in INIT and INIT-ACK: the sender understands
 * FORWARD-TSN (partial reliability).
 *
 * <pre>
 * |    Parameter Type = 49152     |  Parameter Length = 4         |
 * </pre>
 */
public record ForwardTsnSupportedParam() implements Param {
  @Override
  public int type() {
    return FORWARD_TSN_SUPPORTED;
  }

  @Override
  public int valueLength() {
    return 0;
  }

  @Override
  public void writeValue(ByteWriter w) {}
}
