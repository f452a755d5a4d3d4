package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.util.ByteReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Shared value checks: strict UTF-8 text with the RFC 8489 length limits. */
final class Values {

  /** "Fewer than 128 characters" (REALM, NONCE, SOFTWARE, reason phrase: RFC 8489 §14). */
  static final int MAX_CHARACTERS = 127;

  /** Receivers accept up to 763 bytes for the 128-character fields (RFC 8489 §14). */
  static final int MAX_DECODED_TEXT_BYTES = 763;

  private Values() {}

  /** Checks a text field limited to fewer than 128 characters. */
  static String shortText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.codePointCount(0, value.length()) > MAX_CHARACTERS) {
      throw new IllegalArgumentException(name + " longer than 127 characters");
    }
    requireWellFormed(value, name);
    return value;
  }

  /** Checks a text field limited to {@code maxBytes} bytes of UTF-8. */
  static String boundedText(String value, int maxBytes, String name) {
    Objects.requireNonNull(value, name);
    requireWellFormed(value, name);
    if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new IllegalArgumentException(name + " longer than " + maxBytes + " bytes");
    }
    return value;
  }

  /** Reads the rest of {@code value} as strict UTF-8, after a byte limit check. */
  static String readText(ByteReader value, int maxBytes, String name) throws StunException {
    if (value.remaining() > maxBytes) {
      throw new StunException(name + " longer than " + maxBytes + " bytes");
    }
    byte[] bytes = value.readBytes(value.remaining());
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new StunException(name + " is not valid UTF-8", e);
    }
  }

  /** Rejects strings with unpaired surrogates, which UTF-8 cannot carry. */
  private static void requireWellFormed(String value, String name) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " has an unpaired surrogate");
      }
    }
  }
}
