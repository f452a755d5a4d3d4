package dev.squall.signal.internal;

import java.util.regex.Pattern;

/** Validation of room names and display names (docs/signaling.md, "Identities"). */
public final class Names {

  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Names() {}

  /** True when {@code room} matches {@code ^[A-Za-z0-9_-]{1,64}$}. */
  public static boolean validRoom(String room) {
    return room != null && room.length() <= 64 && ROOM.matcher(room).matches();
  }

  /**
   * The display name trimmed, or null when it is invalid: empty after trimming, longer than 64
   * characters (code points) or holding a control character.
   */
  public static String displayName(String name) {
    if (name == null) {
      return null;
    }
    String t = name.strip();
    if (t.isEmpty() || t.length() > 128 || t.codePointCount(0, t.length()) > 64) {
      return null;
    }
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.CONTROL
          || type == Character.SURROGATE
          || cp == 0x2028
          || cp == 0x2029) {
        return null;
      }
      i += Character.charCount(cp);
    }
    return t;
  }
}
