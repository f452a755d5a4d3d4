package dev.squall.interop.node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squall.interop.ForeignEvent;
import dev.squall.interop.ForeignEvents;
import dev.squall.interop.ForeignPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * libdatachannel as a {@link ForeignPeer}: {@code node interop/node/peer.mjs} (npm
 * node-datachannel) as a child process that joins a room of the test's server, takes commands as
 * JSON lines on stdin and reports events as JSON lines on stdout. Its stderr goes to {@code
 * target/node-logs/<room>.log}.
 */
public final class NodePeer implements ForeignPeer {

  /** The script's directory, relative to the module (Surefire's working directory). */
  static final Path NODE_DIR = Path.of("node").toAbsolutePath();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream stdin;
  private final ForeignEvents events = new ForeignEvents();
  private final Thread reader;

  private NodePeer(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.reader = new Thread(this::readEvents, "node-peer-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the script; it joins {@code room} on {@code ws} at once.
   *
   * @throws IllegalStateException when node_modules is missing (run {@code ./squall test} or {@code
   *     npm ci --prefix interop/node})
   */
  public static NodePeer start(URI ws, String room) throws IOException {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/node-datachannel"))) {
      throw new IllegalStateException(
          NODE_DIR.resolve("node_modules")
              + " is missing: run `npm ci --prefix interop/node --no-audit --no-fund`"
              + " (./squall test does it)");
    }
    Path logs = Files.createDirectories(Path.of("target", "node-logs"));
    Process process =
        new ProcessBuilder("node", "peer.mjs", ws.toString(), room, "libdatachannel")
            .directory(NODE_DIR.toFile())
            .redirectError(logs.resolve(room + ".log").toFile())
            .start();
    return new NodePeer(process);
  }

  @Override
  public String name() {
    return "libdatachannel";
  }

  @Override
  public ForeignEvents events() {
    return events;
  }

  @Override
  public void open(String label, boolean ordered, Integer maxRetransmits) {
    Map<String, Object> c = command("open", label);
    c.put("unordered", !ordered);
    if (maxRetransmits != null) {
      c.put("maxRetransmits", maxRetransmits);
    }
    send(c);
  }

  @Override
  public void sendText(String label, String text) {
    Map<String, Object> c = command("send", label);
    c.put("text", text);
    send(c);
  }

  @Override
  public void sendBinary(String label, byte[] data) {
    Map<String, Object> c = command("send", label);
    c.put("hex", HexFormat.of().formatHex(data));
    send(c);
  }

  @Override
  public void burst(String label, int count) {
    Map<String, Object> c = command("burst", label);
    c.put("count", count);
    send(c);
  }

  @Override
  public void bulk(String label, long bytes, int chunk, long high, long low) {
    Map<String, Object> c = command("bulk", label);
    c.put("bytes", bytes);
    c.put("chunk", chunk);
    c.put("high", high);
    c.put("low", low);
    send(c);
  }

  @Override
  public void close(String label) {
    send(command("close", label));
  }

  /** Asks the script to quit, then kills it if it has not exited within a few seconds. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        send(Map.of("cmd", "quit"));
        stdin.close();
      }
    } catch (IOException | UncheckedIOException e) {
      // the process is gone already
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> command(String cmd, String label) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("cmd", cmd);
    c.put("label", label);
    return c;
  }

  private void send(Map<String, Object> command) {
    try {
      stdin.write((JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the node peer is not listening", e);
    }
  }

  private void readEvents() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.startsWith("{")) {
          System.err.println("[node stdout] " + line);
          continue;
        }
        Map<String, Object> fields =
            new HashMap<>(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
        String kind = (String) fields.remove("event");
        Object label = fields.remove("label");
        fields.values().removeIf(v -> v == null);
        events.add(new ForeignEvent(kind, label == null ? null : label.toString(), fields));
      }
    } catch (IOException e) {
      events.add(new ForeignEvent("error", null, Map.of("message", "stdout: " + e)));
    }
  }
}
