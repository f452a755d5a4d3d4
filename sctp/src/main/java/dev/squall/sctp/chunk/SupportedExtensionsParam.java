package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Supported Extensions (RFC 5061 §4.2.7, type 0x8008): the chunk types the sender understands
 * beyond the base protocol (WebRTC lists RE-CONFIG and FORWARD-TSN).
 *
 * <pre>
 * |     Parameter Type = 0x8008   |      Parameter Length         |
 * | CHUNK TYPE 1  |  CHUNK TYPE 2 |  CHUNK TYPE 3 |  CHUNK TYPE 4 |
 * |                             ....                              |
 * </pre>
 */
public record SupportedExtensionsParam(List<Integer> chunkTypes) implements Param {

  public SupportedExtensionsParam {
    chunkTypes = List.copyOf(chunkTypes);
    for (int t : chunkTypes) {
      if (t < 0 || t > 255) {
        throw new IllegalArgumentException("chunk type out of range: " + t);
      }
    }
  }

  static SupportedExtensionsParam decode(ByteReader r) {
    List<Integer> types = new ArrayList<>();
    while (r.hasRemaining()) {
      types.add(r.readU8());
    }
    return new SupportedExtensionsParam(types);
  }

  @Override
  public int type() {
    return SUPPORTED_EXTENSIONS;
  }

  @Override
  public int valueLength() {
    return chunkTypes.size();
  }

  @Override
  public void writeValue(ByteWriter w) {
    for (int t : chunkTypes) {
      w.putU8(t);
    }
  }
}
