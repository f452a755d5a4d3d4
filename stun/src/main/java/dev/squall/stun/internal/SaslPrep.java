package dev.squall.stun.internal;

import java.text.Normalizer;

/**
 * A pragmatic subset of SASLprep (RFC 4013, the stringprep profile RFC 5389 used for long-term
 * passwords), enough for the RFC 5769 §2.4 vector and for the OpaqueString profile (RFC 8265 §4.2)
 * on ordinary input:
 *
 * <ul>
 *   <li>RFC 3454 table B.1 characters ("commonly mapped to nothing", e.g. U+00AD SOFT HYPHEN) are
 *       removed;
 *   <li>non-ASCII space characters (table C.1.2) become U+0020;
 *   <li>the result is normalised with Unicode NFKC;
 *   <li>control characters, private-use characters, unpaired surrogates and non-characters are
 *       rejected with {@link IllegalArgumentException}.
 * </ul>
 *
 * <p>Limits: the bidirectional-text rule (RFC 3454 §6) and the unassigned-code-point check of
 * stored strings are not implemented, and NFKC (SASLprep) rather than NFC (OpaqueString) is
 * applied: for strings that OpaqueString accepts unchanged — every ASCII password, and the
 * passwords ICE and TURN REST credentials generate — the two agree.
 */
public final class SaslPrep {

  private SaslPrep() {}

  /** Prepares {@code input}; throws {@link IllegalArgumentException} on a prohibited character. */
  public static String prepare(String input) {
    StringBuilder mapped = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); ) {
      int cp = input.codePointAt(i);
      i += Character.charCount(cp);
      if (mapsToNothing(cp)) {
        continue;
      }
      mapped.appendCodePoint(isNonAsciiSpace(cp) ? ' ' : cp);
    }
    String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    normalized
        .codePoints()
        .forEach(
            cp -> {
              if (isProhibited(cp)) {
                throw new IllegalArgumentException(
                    String.format("prohibited character U+%04X in credential", cp));
              }
            });
    return normalized;
  }

  /** RFC 3454 table B.1. */
  private static boolean mapsToNothing(int cp) {
    return cp == 0x00AD
        || cp == 0x034F
        || cp == 0x1806
        || (cp >= 0x180B && cp <= 0x180D)
        || (cp >= 0x200B && cp <= 0x200D)
        || cp == 0x2060
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFEFF;
  }

  /** RFC 3454 table C.1.2. */
  private static boolean isNonAsciiSpace(int cp) {
    return cp == 0x00A0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200B)
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Control (C.2), private use (C.3), non-characters (C.4) and surrogates (C.5). */
  private static boolean isProhibited(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || (cp >= 0xFDD0 && cp <= 0xFDEF)
        || (cp & 0xFFFE) == 0xFFFE;
  }
}
