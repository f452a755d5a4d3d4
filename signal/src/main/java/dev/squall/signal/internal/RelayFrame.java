package dev.squall.signal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * A relay ({@code offer}, {@code answer}, {@code candidate} or {@code message}) decoded by {@link
 * RelayDecoder} without building a tree: the envelope fields the hub routes by, and the relayed
 * frame under construction. {@link #bytes} holds {@link #RESERVE} free bytes, then the sender's
 * payload value exactly as it arrived, then {@code '}'}; {@link #seal} writes {@code
 * {"type":T,"from":ID,"field":} right before the payload, so the frame the addressees get is
 * built with one array and one copy of the payload. Immutable once sealed, so one frame may be
 * sent to several addressees and queued.
 */
public final class RelayFrame {

  /** Room left in front of the payload for {@code {"type":"candidate","from":"<id>","candidate":}. */
  public static final int RESERVE = 96;

  /** The wire type: one of the four relay types (interned constants). */
  public final String type;

  /** The addressee, or null for a {@code message} broadcast. */
  public final String to;

  /** The client's {@code ref} (textual), or null. */
  public final JsonNode ref;

  private byte[] bytes;
  private int start = -1;

  RelayFrame(String type, String to, JsonNode ref, byte[] bytes) {
    this.type = type;
    this.to = to;
    this.ref = ref;
    this.bytes = bytes;
  }

  /**
   * The name of the field that carries the payload: {@code sdp}, {@code candidate}, {@code data}.
   */
  public String payloadField() {
    return payloadField(type);
  }

  static String payloadField(String type) {
    return switch (type) {
      case "offer", "answer" -> "sdp";
      case "candidate" -> "candidate";
      default -> "data";
    };
  }

  /**
   * Writes the envelope with {@code prefix} (see {@link #prefix}) in front of the payload. Call
   * once, on the hub's scheduler, before {@link #bytes()}.
   */
  public void seal(byte[] prefix) {
    if (start >= 0) {
      throw new IllegalStateException("already sealed");
    }
    if (prefix.length <= RESERVE) {
      start = RESERVE - prefix.length;
      System.arraycopy(prefix, 0, bytes, start, prefix.length);
      return;
    }
    byte[] b = new byte[prefix.length + bytes.length - RESERVE];
    System.arraycopy(prefix, 0, b, 0, prefix.length);
    System.arraycopy(bytes, RESERVE, b, prefix.length, bytes.length - RESERVE);
    bytes = b;
    start = 0;
  }

  /** The array holding the sealed frame (from {@link #offset()}, {@link #length()} bytes). */
  public byte[] bytes() {
    return bytes;
  }

  public int offset() {
    return start;
  }

  public int length() {
    return bytes.length - start;
  }

  /** {@code {"type":"<type>","from":"<from>","<field>":} as UTF-8; {@code from} is URL-safe. */
  public static byte[] prefix(String type, String from) {
    return ("{\"type\":\"" + type + "\",\"from\":\"" + from + "\",\"" + payloadField(type) + "\":")
        .getBytes(StandardCharsets.UTF_8);
  }
}
