package dev.squall.cli.peer;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code squall peer echo-server}: the HTTP offer endpoint, until the process is stopped. */
@Command(
    name = "echo-server",
    mixinStandardHelpOptions = true,
    description = {
      "HTTP endpoint: POST /offer, then echo every DataChannel message.",
      "Takes {\"type\":\"offer\",\"sdp\":...} and answers {\"type\":\"answer\",\"sdp\":...}",
      "with every candidate in the SDP (no trickle). Bad requests get 400 {\"error\":...}."
    })
final class EchoServerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", required = true, description = "HTTP port, 0 = any free port.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--ice-address",
      paramLabel = "IP",
      description = {
        "Local address to gather host candidates on (repeatable).",
        "Default: every up, non-loopback IPv4 address (127.0.0.1 when there is none)."
      })
  java.util.List<java.net.InetAddress> iceAddresses = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    try (PeerRuntime runtime = new PeerRuntime(iceAddresses);
        EchoServer server = new EchoServer(runtime)) {
      int bound = server.start(host, port);
      out.println("POST offers to http://" + hostPort(host, bound) + "/offer (stop with Ctrl-C)");
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "squall-peer-stop"));
      stop.await();
      return 0;
    }
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
