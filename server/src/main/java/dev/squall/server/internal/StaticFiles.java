package dev.squall.server.internal;

import dev.squall.server.WebRoot;
import java.util.List;
import java.util.Optional;

/**
 * A source of web app files addressed by safe path segments (see {@link WebPaths}): every segment
 * is non-empty, has no '/', '\\' or NUL, and is neither "." nor "..". Directories are never
 * returned.
 */
public interface StaticFiles {

  /** The regular file at {@code segments}, or empty. */
  Optional<StaticFile> find(List<String> segments);

  /** The implementation for {@code root}. */
  static StaticFiles of(WebRoot root, ClassLoader loader) {
    if (root instanceof WebRoot.Directory dir) {
      return new DirectoryStaticFiles(dir.path());
    }
    return new ClasspathStaticFiles(loader, ((WebRoot.Classpath) root).prefix());
  }
}
