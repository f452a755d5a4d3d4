package dev.squall.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web app files from a classpath folder. Found files are cached in memory for the life of this
 * object (the classpath does not change); misses are not cached, so random paths cannot grow the
 * cache. Last-Modified is the time this object was created.
 */
final class ClasspathStaticFiles implements StaticFiles {

  private final ClassLoader loader;
  private final String prefix;
  private final Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Map<String, StaticFile> cache = new ConcurrentHashMap<>();

  ClasspathStaticFiles(ClassLoader loader, String prefix) {
    this.loader = loader;
    this.prefix = prefix;
  }

  @Override
  public Optional<StaticFile> find(List<String> segments) {
    String name = prefix + String.join("/", segments);
    StaticFile cached = cache.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    URL url = loader.getResource(name);
    if (url == null) {
      return Optional.empty();
    }
    try {
      if (isDirectory(url)) {
        return Optional.empty();
      }
      byte[] content;
      try (InputStream in = url.openStream()) {
        content = in.readAllBytes();
      }
      StaticFile file =
          new StaticFile(
              content,
              ContentTypes.of(segments.get(segments.size() - 1)),
              ETags.of(content),
              loadedAt);
      cache.put(name, file);
      return Optional.of(file);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isDirectory(URL url) throws IOException, URISyntaxException {
    switch (url.getProtocol()) {
      case "file":
        return !Files.isRegularFile(Path.of(url.toURI()));
      case "jar":
        URLConnection c = url.openConnection();
        c.setUseCaches(false);
        return ((JarURLConnection) c).getJarEntry().isDirectory();
      default:
        return url.getPath().endsWith("/");
    }
  }
}
