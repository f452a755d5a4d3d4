package dev.squall.sdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads the browser captures under {@code src/test/resources/captures}. */
final class Captures {
  private Captures() {}

  static Path dir() {
    try {
      return Path.of(Captures.class.getResource("/captures/README.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> sdpNames() {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".sdp"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SessionDescription parse(String name) throws SdpParseException {
    return SessionDescription.parse(text(name));
  }

  /** The text with LF line ends turned into CRLF, ending in CRLF. */
  static String crlf(String text) {
    String t = text.replace("\r\n", "\n").replace("\n", "\r\n");
    return t.endsWith("\r\n") ? t : t + "\r\n";
  }
}
