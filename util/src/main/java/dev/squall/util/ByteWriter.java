package dev.squall.util;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian (network order) byte writer. Values wider than their field are truncated to
 * the field's width; {@link #putU16At} and friends patch lengths written earlier.
 */
public final class ByteWriter {

  private byte[] buf;
  private int size;

  public ByteWriter() {
    this(64);
  }

  public ByteWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  public ByteWriter putU8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteWriter putU16(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteWriter putU24(int v) {
    ensure(3);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteWriter putI32(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteWriter putU32(long v) {
    return putI32((int) v);
  }

  public ByteWriter putI64(long v) {
    putI32((int) (v >>> 32));
    return putI32((int) v);
  }

  public ByteWriter putBytes(byte[] bytes) {
    return putBytes(bytes, 0, bytes.length);
  }

  public ByteWriter putBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
    return this;
  }

  public ByteWriter putUtf8(String s) {
    return putBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code count} zero bytes. */
  public ByteWriter putZeros(int count) {
    ensure(count);
    size += count; // the buffer is zeroed on growth and never reused below size
    return this;
  }

  /** Pads with zeros up to the next multiple of {@code alignment}. */
  public ByteWriter padTo(int alignment) {
    int rem = size % alignment;
    return rem == 0 ? this : putZeros(alignment - rem);
  }

  public void putU16At(int offset, int v) {
    checkPatch(offset, 2);
    buf[offset] = (byte) (v >>> 8);
    buf[offset + 1] = (byte) v;
  }

  public void putI32At(int offset, int v) {
    checkPatch(offset, 4);
    buf[offset] = (byte) (v >>> 24);
    buf[offset + 1] = (byte) (v >>> 16);
    buf[offset + 2] = (byte) (v >>> 8);
    buf[offset + 3] = (byte) v;
  }

  /** The written bytes as a new array. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** The internal buffer; valid bytes are {@code [0, size())}. */
  public byte[] array() {
    return buf;
  }

  private void checkPatch(int offset, int width) {
    if (offset < 0 || offset + width > size) {
      throw new IndexOutOfBoundsException("patch " + offset + "+" + width + " beyond " + size);
    }
  }

  private void ensure(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }
}
