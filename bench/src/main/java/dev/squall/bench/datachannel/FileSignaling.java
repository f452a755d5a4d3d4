package dev.squall.bench.datachannel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeoutException;

/**
 * Offer/answer exchange between two benchmark processes through files in a shared temporary
 * directory: a description is written to a temporary name and renamed, so the reader never sees
 * half of it. Polls every 10 ms, bounded by a timeout.
 */
final class FileSignaling {
  private final Path dir;

  FileSignaling(Path dir) {
    this.dir = dir;
  }

  void write(String name, String text) throws IOException {
    Path tmp = dir.resolve(name + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  String await(String name, long timeoutMillis)
      throws IOException, InterruptedException, TimeoutException {
    Path file = dir.resolve(name);
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (!Files.exists(file)) {
      if (System.nanoTime() - deadline > 0) {
        throw new TimeoutException("no " + file + " after " + timeoutMillis + " ms");
      }
      Thread.sleep(10);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
