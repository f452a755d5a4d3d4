package dev.squall.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the web app's static files come from: a classpath folder (production: {@code squall/web/},
 * packaged by the {@code web} module) or a directory on disk (development: edits show up on
 * reload).
 */
public sealed interface WebRoot permits WebRoot.Classpath, WebRoot.Directory {

  /** Files under {@code prefix} (a folder name ending in '/') of the server's class loader. */
  record Classpath(String prefix) implements WebRoot {
    public Classpath {
      Objects.requireNonNull(prefix, "prefix");
      if (!prefix.endsWith("/") || prefix.startsWith("/")) {
        throw new IllegalArgumentException("classpath prefix must look like 'a/b/': " + prefix);
      }
    }
  }

  /** Files under a directory on disk. */
  record Directory(Path path) implements WebRoot {
    public Directory {
      Objects.requireNonNull(path, "path");
    }
  }

  /** The packaged web app: classpath folder {@code squall/web/}. */
  static WebRoot packaged() {
    return new Classpath("squall/web/");
  }

  static WebRoot directory(Path path) {
    return new Directory(path);
  }
}
