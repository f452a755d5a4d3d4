package dev.squall.cli;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import sun.misc.Signal;

/**
 * Catches SIGTERM and SIGINT so that {@code squall serve} can stop gracefully and exit 0 (the JVM's
 * default would exit 143/130). {@link #await()} blocks until one arrives.
 */
final class StopSignals {

  private final BlockingQueue<String> received = new ArrayBlockingQueue<>(4);

  private StopSignals() {}

  /** Installs the handlers; call once per process. */
  static StopSignals install() {
    StopSignals s = new StopSignals();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), sig -> s.received.offer("SIG" + sig.getName()));
    }
    return s;
  }

  /** Blocks until SIGTERM or SIGINT; returns its name. */
  String await() {
    while (true) {
      try {
        return received.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupt";
      }
    }
  }
}
