package dev.squall.cli.peer;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The web app's file-transfer wire format on the {@code squall-file} channel (docs/app-protocol.md,
 * "File transfer"). Control messages are JSON text; data is one binary chunk per message:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     transfer id (uint32)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  byte offset (uint64), high 32 bits           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  byte offset (uint64), low 32 bits            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 payload: 1 to 65536 bytes of the file        ...
 * </pre>
 *
 * All integers big-endian.
 */
final class FileWire {

  static final String CHANNEL = "squall-file";
  static final int HEADER = 12;
  static final int CHUNK = 65536;

  private FileWire() {}

  /** One decoded chunk. */
  record Chunk(long id, long offset, byte[] data, int start, int length) {}

  static byte[] chunk(long id, long offset, byte[] src, int start, int length) {
    ByteBuffer b = ByteBuffer.allocate(HEADER + length);
    b.putInt((int) id).putLong(offset).put(src, start, length);
    return b.array();
  }

  /** The chunk in {@code message}, or null when its size is out of range (then it is ignored). */
  static Chunk parse(byte[] message) {
    if (message.length <= HEADER || message.length > HEADER + CHUNK) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(message);
    long id = Integer.toUnsignedLong(b.getInt());
    long offset = b.getLong();
    return new Chunk(id, offset, message, HEADER, message.length - HEADER);
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** The name a receiver keeps: last path segment, no control characters, at most 255 chars. */
  static String safeName(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("\\p{Cntrl}", "");
    if (n.length() > 255) {
      n = n.substring(0, 255);
    }
    return n.isBlank() || n.equals(".") || n.equals("..") ? "file" : n;
  }
}
