package dev.squall.interop;

import dev.squall.datachannel.DataChannelInit;
import dev.squall.peer.PeerConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Java peer's channels by label: the ones it creates and the ones the foreign peer announces
 * (recorded from the announcement on, so no message is missed).
 */
public final class JavaChannels {

  private final PeerConnection pc;
  private final Map<String, JavaChannel> announced = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> arrivals = new ConcurrentHashMap<>();

  public JavaChannels(PeerConnection pc) {
    this.pc = pc;
    pc.onDataChannel(
        ch -> {
          announced.put(ch.label(), new JavaChannel(ch));
          arrival(ch.label()).countDown();
        });
  }

  public PeerConnection connection() {
    return pc;
  }

  public JavaChannel create(String label, DataChannelInit init) {
    return new JavaChannel(pc.createDataChannel(label, init));
  }

  /** The channel the foreign peer opened with this label, waiting up to {@code timeout}. */
  public JavaChannel announced(String label, Duration timeout) throws InterruptedException {
    if (!arrival(label).await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the foreign channel '" + label + "' was not announced in Java");
    }
    return announced.get(label);
  }

  private CountDownLatch arrival(String label) {
    return arrivals.computeIfAbsent(label, l -> new CountDownLatch(1));
  }
}
