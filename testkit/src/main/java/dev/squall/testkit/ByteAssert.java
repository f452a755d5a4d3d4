package dev.squall.testkit;

import java.util.Arrays;

/**
 * Byte-array assertions whose failure message shows where the arrays differ, as hex around the
 * first mismatch. Throws {@link AssertionError}, so it works under any test framework.
 */
public final class ByteAssert {

  private static final int CONTEXT = 16;

  private ByteAssert() {}

  /** Fails unless {@code actual} equals {@code expected}, byte for byte. */
  public static void assertBytes(byte[] expected, byte[] actual) {
    assertBytes("", expected, actual);
  }

  /** Same as {@link #assertBytes(byte[], byte[])}, with {@code what} leading the message. */
  public static void assertBytes(String what, byte[] expected, byte[] actual) {
    if (expected == null || actual == null) {
      if (expected != actual) {
        throw new AssertionError(prefix(what) + "expected " + expected + " but was " + actual);
      }
      return;
    }
    int at = Arrays.mismatch(expected, actual);
    if (at < 0) {
      return;
    }
    int from = Math.max(0, at - CONTEXT);
    throw new AssertionError(
        prefix(what)
            + "byte arrays differ at offset "
            + at
            + " (0x"
            + Integer.toHexString(at)
            + "); lengths expected "
            + expected.length
            + ", actual "
            + actual.length
            + "\nexpected:\n"
            + Hex.dump(expected, from, 3 * CONTEXT)
            + "actual:\n"
            + Hex.dump(actual, from, 3 * CONTEXT));
  }

  /** Fails unless {@code actual} equals {@link Hex#decode(String) Hex.decode(expectedHex)}. */
  public static void assertHex(String expectedHex, byte[] actual) {
    assertBytes(Hex.decode(expectedHex), actual);
  }

  private static String prefix(String what) {
    return what.isEmpty() ? "" : what + ": ";
  }
}
