package dev.squall.sctp.chunk;

import dev.squall.util.ByteWriter;

/**
 * State Cookie (RFC 9260 §3.3.3.1, type 7) in INIT-ACK: opaque to the receiver, echoed back in
 * COOKIE-ECHO.
 *
 * <pre>
 * |          Type = 7             |          Length               |
 * \                            Cookie                             \
 * </pre>
 */
public record StateCookieParam(byte[] cookie) implements Param {
  @Override
  public int type() {
    return STATE_COOKIE;
  }

  @Override
  public int valueLength() {
    return cookie.length;
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putBytes(cookie);
  }
}
