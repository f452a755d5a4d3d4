package dev.squall.cli.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends one file on an open {@code squall-file} channel (docs/app-protocol.md): {@code file-offer},
 * 64 KiB chunks read in 1 MiB slices and hashed on the way, {@code file-end} with the SHA-256, then
 * waits for the receiver's {@code file-result}. Flow control: above 1 MiB buffered it waits for
 * {@code bufferedamountlow} (threshold 256 KiB). {@link #send} blocks the calling thread.
 */
final class FileSender {

  static final long HIGH_WATER = 1 << 20;
  static final long LOW_WATER = 256 << 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The receiver's verdict. */
  record Result(boolean ok, String localSha256, String remoteSha256, String error) {}

  private final DataChannel channel;
  private final long id;
  private final Semaphore low = new Semaphore(0);
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private volatile String localSha;

  FileSender(DataChannel channel, long id) {
    this.channel = channel;
    this.id = id;
    channel.setBufferedAmountLowThreshold(LOW_WATER);
    channel.onBufferedAmountLow(low::release);
    channel.onMessage(this::onMessage);
  }

  /** The receiver's answer (or a cancel); complete it exceptionally to abort {@link #send}. */
  CompletableFuture<Result> result() {
    return result;
  }

  /** Sends {@code file}; returns once the receiver answered or the result was completed. */
  Result send(Path file, Progress progress) throws IOException, InterruptedException {
    long size = Files.size(file);
    ObjectNode offer = JSON.createObjectNode();
    offer.put("type", "file-offer").put("id", id).put("name", file.getFileName().toString());
    offer.put("size", size).put("mime", mime(file)).put("chunkSize", FileWire.CHUNK);
    channel.send(offer.toString());
    MessageDigest sha = sha256();
    byte[] slice = new byte[1 << 20];
    long offset = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while (!result.isDone() && (n = in.readNBytes(slice, 0, slice.length)) > 0) {
        sha.update(slice, 0, n);
        for (int at = 0; at < n && !result.isDone(); ) {
          int len = Math.min(FileWire.CHUNK, n - at);
          while (channel.bufferedAmount() > HIGH_WATER && !result.isDone()) {
            low.tryAcquire(100, TimeUnit.MILLISECONDS);
          }
          channel.send(FileWire.chunk(id, offset, slice, at, len));
          at += len;
          offset += len;
          progress.update(offset);
        }
      }
    }
    if (!result.isDone()) {
      localSha = FileWire.hex(sha.digest());
      channel.send(
          JSON.createObjectNode()
              .put("type", "file-end")
              .put("id", id)
              .put("sha256", localSha)
              .toString());
    }
    try {
      Result r = result.get();
      progress.finish(offset);
      return r;
    } catch (java.util.concurrent.ExecutionException e) {
      progress.finish(offset);
      return new Result(false, localSha, null, e.getCause().getMessage());
    }
  }

  private void onMessage(DataChannelMessage m) {
    if (!m.text()) {
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(m.asText());
    } catch (IOException e) {
      return;
    }
    if (node == null || node.path("id").asLong(-1) != id) {
      return;
    }
    switch (node.path("type").asText()) {
      case "file-result" -> {
        String remote = node.path("sha256").asText(null);
        boolean ok = node.path("ok").asBoolean(false) && remote != null && remote.equals(localSha);
        result.complete(
            new Result(ok, localSha, remote, ok ? null : "the receiver reports a failure"));
      }
      case "file-cancel" -> {
        if ("receiver".equals(node.path("role").asText())) {
          result.complete(
              new Result(
                  false,
                  localSha,
                  null,
                  "cancelled by the receiver: " + node.path("reason").asText("")));
        }
      }
      default -> {}
    }
  }

  private static String mime(Path file) {
    try {
      String t = Files.probeContentType(file);
      return t == null ? "application/octet-stream" : t;
    } catch (IOException e) {
      return "application/octet-stream";
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
