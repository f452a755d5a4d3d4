package dev.squall.sctp.internal;

import dev.squall.sctp.PacketSink;
import dev.squall.sctp.chunk.Chunk;
import dev.squall.sctp.chunk.ChunkType;
import dev.squall.sctp.chunk.DataChunk;
import dev.squall.sctp.chunk.SctpPacket;
import dev.squall.util.ByteWriter;

/**
 * Bundles chunks into packets of at most {@code mtu} bytes (RFC 9260 §6.10): chunks are appended in
 * the order given; when the next one does not fit, the current packet is sealed with its checksum
 * and handed to the sink, which reads it during the call. DATA chunks are written straight from
 * their message's bytes ({@link #addData}).
 *
 * <p>Every packet is built in the same array, reused for the life of the writer: one flush is
 * {@link #begin}, chunks, {@link #finish()}, and the writer can then begin the next one.
 */
public final class PacketWriter {

  private final int mtu;
  private final int sourcePort;
  private final int destinationPort;
  private final PacketSink output;
  private int tag;
  private byte[] buffer;
  private int size; // bytes of the open packet; 0 when none is open
  private int packets;

  public PacketWriter(int mtu, int sourcePort, int destinationPort, int tag, PacketSink out) {
    this.mtu = mtu;
    this.sourcePort = sourcePort;
    this.destinationPort = destinationPort;
    this.tag = tag;
    this.output = out;
    this.buffer = new byte[mtu];
  }

  /** Starts a flush of packets with verification tag {@code tag}; drops a packet left open. */
  public PacketWriter begin(int tag) {
    this.tag = tag;
    this.size = 0;
    this.packets = 0;
    return this;
  }

  /** Bytes still free in the packet being filled (a whole MTU when none is open). */
  public int room() {
    return size == 0 ? mtu - SctpPacket.HEADER : mtu - size;
  }

  /** True when {@code chunk} fits in the packet being filled. */
  public boolean fits(Chunk chunk) {
    return chunk.encodedLength() <= room();
  }

  /** Appends a chunk, sealing the current packet first when it does not fit. */
  public void add(Chunk chunk) {
    int length = chunk.encodedLength();
    open(length);
    ByteWriter w = new ByteWriter(length);
    chunk.encode(w);
    System.arraycopy(w.array(), 0, buffer, size, w.size());
    size += w.size();
  }

  /** Appends the DATA chunk of an outbound fragment (RFC 9260 §3.3.1), as {@link #add} would. */
  void addData(OutboundChunk c) {
    int encoded = c.encodedLength();
    open(encoded);
    OutboundMessage m = c.message;
    byte[] b = buffer;
    int at = size;
    int chunkLength = DataChunk.OVERHEAD + c.length;
    b[at] = (byte) ChunkType.DATA;
    b[at + 1] = (byte) c.flags();
    putU16(b, at + 2, chunkLength);
    putI32(b, at + 4, c.tsn);
    putU16(b, at + 8, m.stream);
    putU16(b, at + 10, m.ssn);
    putI32(b, at + 12, m.ppid);
    System.arraycopy(m.data, c.offset, b, at + DataChunk.OVERHEAD, c.length);
    for (int i = at + chunkLength; i < at + encoded; i++) {
      b[i] = 0; // padding: the array holds earlier packets
    }
    size = at + encoded;
  }

  /** Makes room for a chunk of {@code encodedLength} bytes: a new packet when it does not fit. */
  private void open(int encodedLength) {
    if (size != 0 && encodedLength > room()) {
      seal();
    }
    if (size == 0) {
      // a chunk larger than the MTU goes alone in a packet of its own size
      int needed = SctpPacket.HEADER + encodedLength;
      if (needed > buffer.length) {
        buffer = new byte[needed];
      }
      putU16(buffer, 0, sourcePort);
      putU16(buffer, 2, destinationPort);
      putI32(buffer, 4, tag);
      putI32(buffer, 8, 0);
      size = SctpPacket.HEADER;
    }
  }

  /** Seals the current packet, so the next chunk starts a new one. */
  public void seal() {
    if (size != 0) {
      int length = size;
      size = 0;
      SctpPacket.writeChecksum(buffer, 0, length);
      packets++;
      output.send(buffer, 0, length);
    }
  }

  /** Seals and sends what is left. */
  public void finish() {
    seal();
  }

  /** Packets sent so far in this flush. */
  public int packets() {
    return packets;
  }

  private static void putU16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  private static void putI32(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
