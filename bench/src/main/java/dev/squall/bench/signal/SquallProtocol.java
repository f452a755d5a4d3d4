package dev.squall.bench.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** Squall signaling v1 (docs/signaling.md): join a room of 4, relay by peer id. */
final class SquallProtocol implements RelayProtocol {
  private final ObjectMapper json = new ObjectMapper();

  @Override
  public String name() {
    return "squall";
  }

  @Override
  public URI uri(String host, int port, int index) {
    return URI.create("ws://" + host + ":" + port + "/ws");
  }

  @Override
  public String hello(int index, int group) {
    return "{\"type\":\"join\",\"room\":\"bench-" + group + "\",\"name\":\"c" + index + "\"}";
  }

  @Override
  public Kind classify(String text) {
    switch (RelayProtocol.typeOf(text)) {
      case "candidate", "offer", "answer" -> {
        return Kind.RELAYED;
      }
      case "joined" -> {
        return Kind.READY;
      }
      case "error" -> {
        return Kind.ERROR;
      }
      default -> {
        return Kind.OTHER;
      }
    }
  }

  @Override
  public String idFrom(String readyText, int index) {
    try {
      return json.readTree(readyText).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String relay(String to, boolean offer, long sentNanos, int sequence) {
    if (offer) {
      return "{\"type\":\"offer\",\"to\":\""
          + to
          + "\",\"sdp\":"
          + Payloads.offerSdpJson(sentNanos)
          + "}";
    }
    return "{\"type\":\"candidate\",\"to\":\""
        + to
        + "\",\"candidate\":"
        + Payloads.candidateJson(sentNanos, sequence)
        + "}";
  }

  @Override
  public String keepalive() {
    return null; // the server pings; Netty answers with pongs
  }
}
