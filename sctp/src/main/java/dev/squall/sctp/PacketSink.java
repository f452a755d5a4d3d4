package dev.squall.sctp;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where an association's packets go: the lower layer (DTLS, or a datagram transport in tests),
 * called on the association's scheduler, one packet per call.
 *
 * <p>The bytes are the sink's to read during the call only: the association writes its next packet
 * into the same array, so a sink that keeps a packet copies it. A DTLS record layer that encrypts
 * at once needs no copy.
 */
@FunctionalInterface
public interface PacketSink {

  /** Sends the packet in {@code buffer[offset, offset + length)}. */
  void send(byte[] buffer, int offset, int length);

  /** A sink that hands each packet to {@code consumer} as an array of its own. */
  static PacketSink copying(Consumer<byte[]> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return (buffer, offset, length) ->
        consumer.accept(Arrays.copyOfRange(buffer, offset, offset + length));
  }
}
