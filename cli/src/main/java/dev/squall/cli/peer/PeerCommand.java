package dev.squall.cli.peer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code squall peer}: the pure-Java WebRTC peer from the command line. */
@Command(
    name = "peer",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pure-Java WebRTC peer.",
      "It joins a room as the web app does (chat and files work with browsers),",
      "or answers offers posted over HTTP. Exit codes: 0 success, 1 failure, 2 bad usage."
    },
    subcommands = {
      EchoCommand.class,
      EchoServerCommand.class,
      SendCommand.class,
      ReceiveCommand.class
    })
public final class PeerCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing a command: echo, echo-server, send or receive");
  }
}
