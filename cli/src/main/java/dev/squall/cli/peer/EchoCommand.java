package dev.squall.cli.peer;

import dev.squall.signal.client.SignalingClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code squall peer echo}: joins a room and echoes until the process is stopped. */
@Command(
    name = "echo",
    mixinStandardHelpOptions = true,
    description = {
      "Join a room and echo every DataChannel message.",
      "One connection per member; each message goes back on its channel.",
      "On squall-chat, chat messages are answered with 'echo: <text>'."
    })
final class EchoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RoomOptions room;

  @Option(names = "--name", defaultValue = "echo", description = "Display name. Default: echo.")
  String name;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    try (PeerRuntime runtime = new PeerRuntime(room.iceAddresses, room.policy());
        SignalingClient client = runtime.signaling(room.server).get(30, TimeUnit.SECONDS)) {
      client.closeFuture().whenComplete((v, e) -> stop.countDown());
      RoomEcho echo =
          RoomEcho.start(runtime, client, room.room, name, room.token, out)
              .get(30, TimeUnit.SECONDS);
      out.println("Echoing in room " + room.room + " (stop with Ctrl-C)");
      Thread hook = new Thread(stop::countDown, "squall-peer-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stop.await();
      echo.close();
      return client.closeFuture().isDone() ? 1 : 0;
    }
  }
}
