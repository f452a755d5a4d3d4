package dev.squall.cli.peer;

import dev.squall.signal.client.SignalingClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code squall peer send}: sends one file to the first member whose file channel opens. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Send one file to the first room member that connects.",
      "Uses the web app's squall-file format (a browser or 'squall peer receive').",
      "Progress on stderr. Exit 0 once the receiver reports the same SHA-256, else 1."
    })
final class SendCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RoomOptions room;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to send.")
  Path file;

  @Option(names = "--name", defaultValue = "squall-send", description = "Display name.")
  String name;

  @Option(
      names = "--wait",
      defaultValue = "300",
      description = "Seconds to wait for a member to connect. Default: ${DEFAULT-VALUE}.")
  long waitSeconds;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ParameterException(spec.commandLine(), "not a readable file: " + file);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<FileSender> sender = new AtomicReference<>();
    try (PeerRuntime runtime = new PeerRuntime(room.iceAddresses, room.policy());
        SignalingClient client = runtime.signaling(room.server).get(30, TimeUnit.SECONDS);
        FileRoom fr =
            FileRoom.join(
                    runtime,
                    client,
                    room.room,
                    name,
                    room.token,
                    l -> sender.set(new FileSender(l.channel(), 1)))
                .get(30, TimeUnit.SECONDS)) {
      err.println("Joined room " + room.room + "; waiting for a member to connect");
      FileRoom.Link link = fr.link().get(waitSeconds, TimeUnit.SECONDS);
      err.println("Connected to " + link.peerId() + " via " + fr.path(link.peerId()));
      err.println("Sending " + file.getFileName() + " to " + link.peerId());
      FileSender s = sender.get();
      fr.lost().thenAccept(reason -> s.result().completeExceptionally(new Exception(reason)));
      FileSender.Result r = s.send(file, new Progress(err, Files.size(file), System::nanoTime));
      if (r.ok()) {
        out.println("sent " + file.getFileName() + " sha256 " + r.localSha256());
        return 0;
      }
      err.println("send failed: " + r.error());
      return 1;
    }
  }
}
