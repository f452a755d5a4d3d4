package dev.squall.stun.internal;

import dev.squall.stun.StunServerResult;
import dev.squall.stun.StunServerResult.Outcome;
import dev.squall.util.ByteWriter;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers Binding requests from RFC 3489 ("classic STUN") clients, which send no magic cookie (RFC
 * 8489 §12.2): the response copies all 16 bytes after the length field (cookie position and
 * transaction ID) and carries MAPPED-ADDRESS instead of XOR-MAPPED-ADDRESS, plus SERVER (the code
 * SOFTWARE took over) when configured.
 *
 * <p>Only a plain Binding request is answered. CHANGE-REQUEST asking for another address or port
 * (this server has only one) and RESPONSE-ADDRESS (a reflection vector, removed by RFC 5389) get a
 * 420 with UNKNOWN-ATTRIBUTES, as does any other comprehension-required attribute RFC 3489 does not
 * define. Anything else malformed is dropped. Stateless; never throws for any content.
 */
public final class ClassicBindingResponder {

  private static final int BINDING_REQUEST = 0x0001;
  private static final int BINDING_RESPONSE = 0x0101;
  private static final int BINDING_ERROR = 0x0111;
  private static final int MAPPED_ADDRESS = 0x0001;
  private static final int CHANGE_REQUEST = 0x0003;
  private static final int USERNAME = 0x0006;
  private static final int MESSAGE_INTEGRITY = 0x0008;
  private static final int ERROR_CODE = 0x0009;
  private static final int UNKNOWN_ATTRIBUTES = 0x000A;
  private static final int SERVER = 0x8022;
  private static final int HEADER = 20;

  private final byte[] software;

  /** {@code software} is announced in SERVER; null sends none. */
  public ClassicBindingResponder(String software) {
    this.software = software == null ? null : software.getBytes(StandardCharsets.UTF_8);
  }

  /** The response to a classic request, or a drop outcome when {@code data} is not one. */
  public StunServerResult handle(byte[] data, int offset, int length, InetSocketAddress source) {
    if (data == null || offset < 0 || length < HEADER || offset > data.length - length) {
      return StunServerResult.dropped(Outcome.DROPPED_NOT_STUN);
    }
    int type = u16(data, offset);
    int bodyLength = u16(data, offset + 2);
    if ((data[offset] & 0xC0) != 0 || bodyLength % 4 != 0 || HEADER + bodyLength != length) {
      return StunServerResult.dropped(Outcome.DROPPED_NOT_STUN);
    }
    if (type != BINDING_REQUEST) {
      return StunServerResult.dropped(Outcome.DROPPED_NOT_STUN);
    }
    List<Integer> refused = new ArrayList<>();
    int at = offset + HEADER;
    int end = offset + length;
    while (at < end) {
      if (end - at < 4) {
        return StunServerResult.dropped(Outcome.DROPPED_MALFORMED);
      }
      int attrType = u16(data, at);
      int attrLength = u16(data, at + 2);
      if (attrLength > end - at - 4) {
        return StunServerResult.dropped(Outcome.DROPPED_MALFORMED);
      }
      if (attrType == CHANGE_REQUEST) {
        if (attrLength != 4) {
          return StunServerResult.dropped(Outcome.DROPPED_MALFORMED);
        }
        if ((data[at + 7] & 0x06) != 0) {
          refused.add(attrType);
        }
      } else if (attrType < 0x8000 && attrType != USERNAME && attrType != MESSAGE_INTEGRITY) {
        refused.add(attrType);
      }
      at += 4 + attrLength;
    }
    ByteWriter w = new ByteWriter(64);
    if (!refused.isEmpty()) {
      header(w, BINDING_ERROR, data, offset);
      writeError(w, refused);
      patchLength(w);
      return new StunServerResult(Outcome.UNKNOWN_ATTRIBUTE_ERROR, w.toByteArray());
    }
    header(w, BINDING_RESPONSE, data, offset);
    byte[] ip = source.getAddress().getAddress();
    w.putU16(MAPPED_ADDRESS).putU16(4 + ip.length);
    w.putU8(0).putU8(source.getAddress() instanceof Inet4Address ? 1 : 2).putU16(source.getPort());
    w.putBytes(ip);
    if (software != null) {
      w.putU16(SERVER).putU16(software.length).putBytes(software).padTo(4);
    }
    patchLength(w);
    return new StunServerResult(Outcome.BINDING_SUCCESS, w.toByteArray());
  }

  private static void header(ByteWriter w, int type, byte[] request, int offset) {
    w.putU16(type).putU16(0).putBytes(request, offset + 4, 16);
  }

  private static void writeError(ByteWriter w, List<Integer> refused) {
    byte[] reason = "Unknown Attribute".getBytes(StandardCharsets.US_ASCII);
    w.putU16(ERROR_CODE).putU16(4 + reason.length);
    w.putU16(0).putU8(4).putU8(20).putBytes(reason).padTo(4);
    // RFC 3489 §11.2.11: an odd count repeats one type so the attribute stays 32-bit aligned
    int count = refused.size() % 2 == 0 ? refused.size() : refused.size() + 1;
    w.putU16(UNKNOWN_ATTRIBUTES).putU16(2 * count);
    for (int t : refused) {
      w.putU16(t);
    }
    if (count != refused.size()) {
      w.putU16(refused.get(refused.size() - 1));
    }
  }

  private static void patchLength(ByteWriter w) {
    w.putU16At(2, w.size() - HEADER);
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }
}
