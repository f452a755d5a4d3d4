package dev.squall.cli;

import dev.squall.cli.peer.PeerCommand;
import dev.squall.server.SquallServer;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code squall} command. Subcommands: {@code serve}, {@code peer}. Exit codes: 0 success, 1
 * runtime failure (port in use, bad certificate), 2 bad usage (unknown option, invalid value).
 */
@Command(
    name = "squall",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Squall: a WebRTC server, web app and pure-Java peer.",
    subcommands = {ServeCommand.class, PeerCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command, e.g. 'serve'");
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  /** The configured picocli command line (for tests and embedding). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println(commandLine.getCommandName() + ": " + e);
          return 1;
        });
    return cl;
  }

  /** Prints {@code squall <version>}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"squall " + SquallServer.version()};
    }
  }

  /** Bad usage: one line naming the problem, one line pointing to --help; exit code 2. */
  static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      CommandLine cl = ex.getCommandLine();
      PrintWriter err = cl.getErr();
      err.println(cl.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
      err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
      return cl.getCommandSpec().exitCodeOnInvalidInput();
    }
  }
}
