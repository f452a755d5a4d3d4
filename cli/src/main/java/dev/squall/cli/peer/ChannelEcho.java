package dev.squall.cli.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import java.util.function.LongSupplier;

/**
 * Echoes every message of a DataChannel back on the same channel: text as text, binary as binary.
 * On {@code squall-chat} (docs/app-protocol.md) it answers each {@code chat} message with a chat
 * message of its own ({@code "echo: " + text}, our name, our clock) and ignores the other types,
 * and says on open that it has no microphone or camera ({@code media}).
 */
final class ChannelEcho {

  static final String CHAT = "squall-chat";
  static final int MAX_CHAT = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final LongSupplier clock;

  ChannelEcho(String name, LongSupplier clock) {
    this.name = name;
    this.clock = clock;
  }

  /** Starts echoing on {@code channel} (call before it opens, e.g. in onDataChannel). */
  void attach(DataChannel channel) {
    boolean chat = CHAT.equals(channel.label());
    if (chat) {
      channel.onOpen(() -> channel.send("{\"type\":\"media\",\"audio\":false,\"video\":false}"));
    }
    channel.onMessage(m -> onMessage(channel, chat, m));
  }

  private void onMessage(DataChannel channel, boolean chat, DataChannelMessage m) {
    if (!chat) {
      if (m.text()) {
        channel.send(m.asText());
      } else {
        channel.send(m.data());
      }
      return;
    }
    String reply = chatReply(m);
    if (reply != null) {
      channel.send(reply);
    }
  }

  /** Our answer to a chat-channel message, or null when it is not a valid {@code chat}. */
  String chatReply(DataChannelMessage m) {
    if (!m.text()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(m.asText());
    } catch (java.io.IOException e) {
      return null;
    }
    if (node == null
        || !"chat".equals(node.path("type").asText())
        || !node.path("text").isTextual()) {
      return null;
    }
    String text = "echo: " + node.get("text").asText().strip();
    if (text.length() > MAX_CHAT) {
      text = text.substring(0, MAX_CHAT);
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("type", "chat");
    out.put("text", text);
    out.put("name", name.length() > 64 ? name.substring(0, 64) : name);
    out.put("ts", clock.getAsLong());
    return out.toString();
  }
}
