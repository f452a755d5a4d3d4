package dev.squall.cli.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Receives the first file offered on a {@code squall-file} channel (docs/app-protocol.md) into a
 * directory: checks each chunk's id and offset, hashes while writing, compares with {@code
 * file-end}'s SHA-256 and answers {@code file-result}. A chunk at an unexpected offset cancels the
 * transfer ({@code file-cancel}, role receiver). Listeners run on the channel's callback thread.
 */
final class FileReceiver {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome: the file written (deleted when not ok) and the two digests. */
  record Result(boolean ok, Path file, long size, String sha256, String error) {}

  private final DataChannel channel;
  private final Path dir;
  private final LongConsumer progress;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private final CompletableFuture<Long> offered = new CompletableFuture<>();
  // touched only on the channel's callback thread
  private long id = -1;
  private long size;
  private long received;
  private Path file;
  private OutputStream out;
  private MessageDigest sha;

  FileReceiver(DataChannel channel, Path dir, LongConsumer progress) {
    this.channel = channel;
    this.dir = dir;
    this.progress = progress;
    channel.onMessage(this::onMessage);
  }

  CompletableFuture<Result> result() {
    return result;
  }

  /** Completes with the offered size when the offer arrives. */
  CompletableFuture<Long> offered() {
    return offered;
  }

  /** Fails the transfer (peer gone, channel closed); the partial file is deleted. */
  void fail(String reason) {
    finish(new Result(false, file, received, null, reason));
  }

  private void onMessage(DataChannelMessage m) {
    if (result.isDone()) {
      return;
    }
    try {
      if (m.text()) {
        onControl(m.asText());
      } else {
        onChunk(m.data());
      }
    } catch (IOException e) {
      cancel("cannot write the file: " + e.getMessage());
    }
  }

  private void onControl(String text) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (node == null) {
      return;
    }
    switch (node.path("type").asText()) {
      case "file-offer" -> {
        if (id >= 0
            || !node.path("id").canConvertToLong()
            || !node.path("size").canConvertToLong()) {
          return;
        }
        id = node.get("id").asLong();
        size = node.get("size").asLong();
        file = freshPath(FileWire.safeName(node.path("name").asText("")));
        out = Files.newOutputStream(file);
        sha = FileSender.sha256();
        offered.complete(size);
      }
      case "file-end" -> {
        if (id < 0 || node.path("id").asLong(-1) != id) {
          return;
        }
        String theirs = node.path("sha256").asText("");
        String ours = FileWire.hex(sha.digest());
        out.close();
        boolean ok = received == size && ours.equals(theirs);
        channel.send(
            JSON.createObjectNode()
                .put("type", "file-result")
                .put("id", id)
                .put("ok", ok)
                .put("sha256", ours)
                .toString());
        finish(new Result(ok, file, received, ours, ok ? null : "SHA-256 or size mismatch"));
      }
      case "file-cancel" -> {
        if (id >= 0
            && node.path("id").asLong(-1) == id
            && "sender".equals(node.path("role").asText())) {
          finish(new Result(false, file, received, null, "cancelled by the sender"));
        }
      }
      default -> {}
    }
  }

  private void onChunk(byte[] data) throws IOException {
    FileWire.Chunk c = FileWire.parse(data);
    if (c == null || id < 0 || c.id() != id) {
      return;
    }
    if (c.offset() != received || received + c.length() > size) {
      cancel("chunk at offset " + c.offset() + ", expected " + received);
      return;
    }
    out.write(c.data(), c.start(), c.length());
    sha.update(c.data(), c.start(), c.length());
    received += c.length();
    progress.accept(received);
  }

  private void cancel(String reason) {
    channel.send(
        JSON.createObjectNode()
            .put("type", "file-cancel")
            .put("id", id)
            .put("role", "receiver")
            .put("reason", reason)
            .toString());
    fail(reason);
  }

  private void finish(Result r) {
    if (!result.complete(r)) {
      return;
    }
    if (!r.ok() && file != null) {
      try {
        if (out != null) {
          out.close();
        }
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // best effort
      }
    }
  }

  private Path freshPath(String name) {
    Path p = dir.resolve(name);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; Files.exists(p); i++) {
      p = dir.resolve(base + " (" + i + ")" + ext);
    }
    return p;
  }
}
