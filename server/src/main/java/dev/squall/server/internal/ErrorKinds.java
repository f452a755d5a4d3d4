package dev.squall.server.internal;

import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLException;

/** Classifies connection-level exceptions into the fixed kinds of {@code squall.errors}. */
public final class ErrorKinds {

  /** Every kind the server reports; registered at start so dashboards see zeros. */
  public static final List<String> ALL =
      List.of("http", "io", "tls", "stun", "stun-udp-io", "turn");

  private ErrorKinds() {}

  /** {@code tls} for handshake/record failures, {@code io} for socket errors, else {@code http}. */
  public static String ofConnection(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return "tls";
      }
    }
    if (cause instanceof IOException) {
      return "io";
    }
    return "http";
  }
}
