package dev.squall.cli.peer;

import dev.squall.signal.client.SignalingClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code squall peer receive}: receives one file into a directory, then exits. */
@Command(
    name = "receive",
    mixinStandardHelpOptions = true,
    description = {
      "Receive one file from a room member into DIR, then exit.",
      "Uses the web app's squall-file format (a browser or 'squall peer send').",
      "Progress on stderr. Exit 0 when the file arrived intact (same SHA-256), else 1."
    })
final class ReceiveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RoomOptions room;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory.")
  Path dir;

  @Option(names = "--name", defaultValue = "squall-receive", description = "Display name.")
  String name;

  @Option(
      names = "--wait",
      defaultValue = "300",
      description = "Seconds to wait for a member to connect. Default: ${DEFAULT-VALUE}.")
  long waitSeconds;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new ParameterException(spec.commandLine(), "not a directory: " + dir);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<Progress> progress = new AtomicReference<>();
    AtomicReference<FileReceiver> receiver = new AtomicReference<>();
    try (PeerRuntime runtime = new PeerRuntime(room.iceAddresses, room.policy());
        SignalingClient client = runtime.signaling(room.server).get(30, TimeUnit.SECONDS);
        FileRoom fr =
            FileRoom.join(
                    runtime,
                    client,
                    room.room,
                    name,
                    room.token,
                    l -> receiver.set(new FileReceiver(l.channel(), dir, progressSink(progress))))
                .get(30, TimeUnit.SECONDS)) {
      err.println("Joined room " + room.room + "; waiting for a file");
      FileRoom.Link link = fr.link().get(waitSeconds, TimeUnit.SECONDS);
      err.println("Connected to " + link.peerId() + " via " + fr.path(link.peerId()));
      FileReceiver rx = receiver.get();
      rx.offered().thenAccept(size -> progress.set(new Progress(err, size, System::nanoTime)));
      fr.lost().thenAccept(rx::fail);
      FileReceiver.Result r = rx.result().get();
      if (progress.get() != null) {
        progress.get().finish(r.size());
      }
      // let the file-result reach the sender before the connection closes
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (link.channel().bufferedAmount() > 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      if (r.ok()) {
        out.println("received " + r.file() + " (" + r.size() + " bytes) sha256 " + r.sha256());
        return 0;
      }
      err.println("receive failed: " + r.error());
      return 1;
    }
  }

  private static java.util.function.LongConsumer progressSink(AtomicReference<Progress> progress) {
    return bytes -> {
      Progress p = progress.get();
      if (p != null) {
        p.update(bytes);
      }
    };
  }
}
