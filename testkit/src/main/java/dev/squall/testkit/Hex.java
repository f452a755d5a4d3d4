package dev.squall.testkit;

/**
 * Hex for test vectors. {@link #decode} reads vectors pasted from RFCs, Wireshark or packet dumps:
 * whitespace, {@code :} separators, {@code 0x} prefixes and comments ({@code #} or {@code //} to
 * the end of the line) are ignored.
 */
public final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Decodes {@code text} to bytes.
   *
   * @throws IllegalArgumentException on a character that is not a hex digit, or an odd count
   */
  public static byte[] decode(String text) {
    StringBuilder digits = new StringBuilder(text.length());
    for (String line : text.split("\\R", -1)) {
      String content = stripComment(line);
      int i = 0;
      while (i < content.length()) {
        char c = content.charAt(i);
        if (c == '0'
            && i + 1 < content.length()
            && (content.charAt(i + 1) == 'x' || content.charAt(i + 1) == 'X')
            && (i == 0 || !isHex(content.charAt(i - 1)))) {
          i += 2;
          continue;
        }
        if (isHex(c)) {
          digits.append(c);
        } else if (!Character.isWhitespace(c) && c != ':') {
          throw new IllegalArgumentException("not a hex digit: '" + c + "' in: " + line.trim());
        }
        i++;
      }
    }
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
    }
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (byte)
              (Character.digit(digits.charAt(2 * i), 16) << 4
                  | Character.digit(digits.charAt(2 * i + 1), 16));
    }
    return out;
  }

  /** Lower-case hex, no separators. */
  public static String encode(byte[] data) {
    StringBuilder sb = new StringBuilder(data.length * 2);
    for (byte b : data) {
      sb.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
    }
    return sb.toString();
  }

  /** A dump with offsets, 16 bytes a line, for failure messages. */
  public static String dump(byte[] data) {
    return dump(data, 0, data.length);
  }

  /** A dump of {@code length} bytes from {@code offset}, offsets relative to the array. */
  public static String dump(byte[] data, int offset, int length) {
    StringBuilder sb = new StringBuilder();
    int end = Math.min(data.length, offset + length);
    for (int line = offset - offset % 16; line < end; line += 16) {
      sb.append(String.format("%04x ", line));
      for (int i = line; i < line + 16; i++) {
        if (i % 8 == 0) {
          sb.append(' ');
        }
        if (i >= offset && i < end) {
          sb.append(DIGITS[(data[i] >> 4) & 0xf]).append(DIGITS[data[i] & 0xf]).append(' ');
        } else {
          sb.append("   ");
        }
      }
      int trimmed = sb.length();
      while (sb.charAt(trimmed - 1) == ' ') {
        trimmed--;
      }
      sb.setLength(trimmed);
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    int slashes = line.indexOf("//");
    int cut = line.length();
    if (hash >= 0) {
      cut = hash;
    }
    if (slashes >= 0 && slashes < cut) {
      cut = slashes;
    }
    return line.substring(0, cut);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }
}
