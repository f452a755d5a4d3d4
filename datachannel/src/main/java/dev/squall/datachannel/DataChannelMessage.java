package dev.squall.datachannel;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One received message: text (PPID 51 or 56) or binary (PPID 53 or 57).
 *
 * @param text true for a string message
 * @param data the payload bytes (UTF-8 for text), owned by the receiver; empty for empty messages
 */
public record DataChannelMessage(boolean text, byte[] data) {

  public DataChannelMessage {
    Objects.requireNonNull(data, "data");
  }

  public static DataChannelMessage ofText(String s) {
    return new DataChannelMessage(true, s.getBytes(StandardCharsets.UTF_8));
  }

  public static DataChannelMessage ofBinary(byte[] data) {
    return new DataChannelMessage(false, data);
  }

  /** The text of a string message (the bytes decoded as UTF-8 for a binary one). */
  public String asText() {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return text ? "text(" + asText() + ")" : "binary(" + data.length + " bytes)";
  }
}
