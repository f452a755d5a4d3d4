package dev.squall.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a decoded request path to the file segments of the web app, refusing anything that could
 * leave the web root. Routes: {@code /} and {@code /r/<room>} serve {@code index.html}; any other
 * path names a file. Refused: "." and ".." segments, empty segments, backslashes, NUL and other
 * control characters, and names starting with '.' (hidden files).
 */
public final class WebPaths {

  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final List<String> INDEX = List.of("index.html");

  private WebPaths() {}

  /** The file segments for {@code decodedPath}, or empty when the path is refused. */
  public static Optional<List<String>> resolve(String decodedPath) {
    if (!decodedPath.startsWith("/")) {
      return Optional.empty();
    }
    if (decodedPath.equals("/")) {
      return Optional.of(INDEX);
    }
    String[] parts = decodedPath.substring(1).split("/", -1);
    if (parts[0].equals("r")
        && (parts.length == 2 || (parts.length == 3 && parts[2].isEmpty()))
        && ROOM.matcher(parts[1]).matches()) {
      return Optional.of(INDEX);
    }
    List<String> segments = new ArrayList<>(parts.length);
    for (String p : parts) {
      if (!safe(p)) {
        return Optional.empty();
      }
      segments.add(p);
    }
    return Optional.of(List.copyOf(segments));
  }

  private static boolean safe(String segment) {
    if (segment.isEmpty() || segment.startsWith(".") || segment.length() > 255) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || c == '/' || c == ':') {
        return false;
      }
    }
    return true;
  }
}
