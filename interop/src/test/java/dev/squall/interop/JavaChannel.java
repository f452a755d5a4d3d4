package dev.squall.interop;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Java {@link DataChannel} with recorders attached before its first event: open and close
 * latches, and either every message (in arrival order) or, for a {@code sink-} label, the byte and
 * message counts and the SHA-256 of its binary messages up to the text {@code end}.
 */
public final class JavaChannel {

  final DataChannel channel;
  final CountDownLatch opened = new CountDownLatch(1);
  final CountDownLatch closed = new CountDownLatch(1);
  final LinkedBlockingQueue<DataChannelMessage> messages = new LinkedBlockingQueue<>();
  final AtomicLong sinkBytes = new AtomicLong();
  final AtomicLong sinkMessages = new AtomicLong();
  final AtomicReference<String> sinkHex = new AtomicReference<>();
  final CountDownLatch sinkEnded = new CountDownLatch(1);
  private final MessageDigest digest;

  JavaChannel(DataChannel channel) {
    this.channel = channel;
    boolean sink = channel.label().startsWith("sink-");
    try {
      digest = sink ? MessageDigest.getInstance("SHA-256") : null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    channel.onOpen(opened::countDown);
    channel.onClose(closed::countDown);
    // listeners run one at a time on the connection's callback thread
    channel.onMessage(sink ? this::sink : messages::add);
  }

  private void sink(DataChannelMessage m) {
    if (m.text()) {
      if (m.asText().equals("end")) {
        sinkHex.set(HexFormat.of().formatHex(digest.digest()));
        sinkEnded.countDown();
      } else {
        messages.add(m);
      }
      return;
    }
    digest.update(m.data());
    sinkBytes.addAndGet(m.data().length);
    sinkMessages.incrementAndGet();
  }

  @Override
  public String toString() {
    return channel.toString();
  }
}
