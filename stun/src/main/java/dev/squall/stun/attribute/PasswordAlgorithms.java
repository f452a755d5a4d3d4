package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * PASSWORD-ALGORITHMS (0x8002, RFC 8489 §14.11): the long-term key algorithms a server supports, in
 * order of preference. Each entry is encoded like {@link PasswordAlgorithm}, parameters padded to 4
 * bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Algorithm 1           | Algorithm 1 Parameters Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Algorithm 1 Parameters (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Algorithm 2           | Algorithm 2 Parameters Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Algorithm 2 Parameters (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             ...
 * </pre>
 *
 * @param algorithms the entries, in order (the encoded value must fit in 65,535 bytes)
 */
public record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements StunAttribute {

  public static final int TYPE = 0x8002;

  public PasswordAlgorithms {
    algorithms = List.copyOf(algorithms);
    long total = 0;
    for (PasswordAlgorithm a : algorithms) {
      total += a.entryLength();
    }
    if (total > 0xFFFF) {
      throw new IllegalArgumentException("PASSWORD-ALGORITHMS longer than 65535 bytes");
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    for (PasswordAlgorithm a : algorithms) {
      a.encodeEntry(out);
    }
  }

  static PasswordAlgorithms decode(ByteReader value) throws StunException {
    List<PasswordAlgorithm> list = new ArrayList<>();
    while (value.hasRemaining()) {
      list.add(PasswordAlgorithm.decodeEntry(value));
    }
    return new PasswordAlgorithms(list);
  }
}
