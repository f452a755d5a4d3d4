package dev.squall.util;

import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked big-endian (network order) reader over a slice of a byte array. Every read
 * checks the remaining length first and throws {@link TruncatedInputException} rather than reading
 * past the slice. The array is not copied: the reader sees later changes to it.
 */
public final class ByteReader {

  private final byte[] data;
  private final int start;
  private final int end;
  private int position;

  public ByteReader(byte[] data) {
    this(data, 0, data.length);
  }

  public ByteReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + data.length);
    }
    this.data = data;
    this.start = offset;
    this.end = offset + length;
    this.position = offset;
  }

  /** Bytes left to read. */
  public int remaining() {
    return end - position;
  }

  /** Position relative to the start of the slice. */
  public int position() {
    return position - start;
  }

  /** Offset of the next byte in the underlying array. */
  public int arrayOffset() {
    return position;
  }

  /** The underlying array (not a copy). */
  public byte[] array() {
    return data;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  public int readU8() {
    require(1);
    return data[position++] & 0xFF;
  }

  public int readU16() {
    require(2);
    int v = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
    position += 2;
    return v;
  }

  public int readU24() {
    require(3);
    int v =
        ((data[position] & 0xFF) << 16)
            | ((data[position + 1] & 0xFF) << 8)
            | (data[position + 2] & 0xFF);
    position += 3;
    return v;
  }

  /** Reads an unsigned 32-bit value into a long. */
  public long readU32() {
    return readI32() & 0xFFFF_FFFFL;
  }

  public int readI32() {
    require(4);
    int v =
        ((data[position] & 0xFF) << 24)
            | ((data[position + 1] & 0xFF) << 16)
            | ((data[position + 2] & 0xFF) << 8)
            | (data[position + 3] & 0xFF);
    position += 4;
    return v;
  }

  public long readI64() {
    long hi = readU32();
    long lo = readU32();
    return (hi << 32) | lo;
  }

  public byte[] readBytes(int length) {
    require(length);
    byte[] out = new byte[length];
    System.arraycopy(data, position, out, 0, length);
    position += length;
    return out;
  }

  public String readUtf8(int length) {
    require(length);
    String s = new String(data, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  public void skip(int length) {
    require(length);
    position += length;
  }

  /** A reader over the next {@code length} bytes; this reader moves past them. */
  public ByteReader slice(int length) {
    require(length);
    ByteReader r = new ByteReader(data, position, length);
    position += length;
    return r;
  }

  private void require(int n) {
    if (n < 0 || n > end - position) {
      throw new TruncatedInputException(
          "need " + n + " bytes at offset " + position() + ", have " + remaining());
    }
  }
}
