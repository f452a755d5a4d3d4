package dev.squall.server;

/**
 * The server could not start. The message is one line a user can act on (no stack trace needed);
 * subclasses say which kind of problem it was.
 */
public class ServerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
