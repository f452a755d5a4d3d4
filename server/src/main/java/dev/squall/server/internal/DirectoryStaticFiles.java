package dev.squall.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Web app files from a directory on disk, read on every request (development: edits show up on
 * reload). A file must resolve, after following symbolic links, to a regular file inside the
 * directory.
 */
final class DirectoryStaticFiles implements StaticFiles {

  private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final Path root;

  DirectoryStaticFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<StaticFile> find(List<String> segments) {
    try {
      Path realRoot = root.toRealPath();
      Path candidate = realRoot.resolve(String.join("/", segments)).normalize();
      if (!candidate.startsWith(realRoot) || !Files.exists(candidate)) {
        return Optional.empty();
      }
      Path real = candidate.toRealPath();
      if (!real.startsWith(realRoot)
          || !Files.isRegularFile(real)
          || Files.size(real) > MAX_FILE_BYTES) {
        return Optional.empty();
      }
      byte[] content = Files.readAllBytes(real);
      return Optional.of(
          new StaticFile(
              content,
              ContentTypes.of(real.getFileName().toString()),
              ETags.of(content),
              Files.getLastModifiedTime(real).toInstant().truncatedTo(ChronoUnit.SECONDS)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
