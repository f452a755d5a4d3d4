package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.Chunk;
import dev.squall.sctp.chunk.SctpPacket;
import dev.squall.util.ByteWriter;
import java.util.function.Consumer;

/**
 * Bundles chunks into packets of at most {@code mtu} bytes (RFC 9260 §6.10): chunks are appended in
 * the order given; when the next one does not fit, the current packet is sealed with its checksum
 * and handed to the output. Used for one flush, then {@link #finish()}ed.
 */
public final class PacketWriter {

  private final int mtu;
  private final int sourcePort;
  private final int destinationPort;
  private final int tag;
  private final Consumer<byte[]> output;
  private ByteWriter current;
  private int packets;

  public PacketWriter(int mtu, int sourcePort, int destinationPort, int tag, Consumer<byte[]> out) {
    this.mtu = mtu;
    this.sourcePort = sourcePort;
    this.destinationPort = destinationPort;
    this.tag = tag;
    this.output = out;
  }

  /** Bytes still free in the packet being filled (a whole MTU when none is open). */
  public int room() {
    return current == null ? mtu - SctpPacket.HEADER : mtu - current.size();
  }

  /** True when {@code chunk} fits in the packet being filled. */
  public boolean fits(Chunk chunk) {
    return chunk.encodedLength() <= room();
  }

  /** Appends a chunk, sealing the current packet first when it does not fit. */
  public void add(Chunk chunk) {
    if (current != null && chunk.encodedLength() > room()) {
      seal();
    }
    if (current == null) {
      current = new ByteWriter(Math.min(mtu, SctpPacket.HEADER + chunk.encodedLength()) + 64);
      SctpPacket.writeHeader(current, sourcePort, destinationPort, tag);
    }
    chunk.encode(current);
  }

  /** Seals the current packet, so the next chunk starts a new one. */
  public void seal() {
    if (current != null) {
      byte[] packet = SctpPacket.finish(current);
      current = null;
      packets++;
      output.accept(packet);
    }
  }

  /** Seals and sends what is left. */
  public void finish() {
    seal();
  }

  /** Packets sent so far. */
  public int packets() {
    return packets;
  }
}
