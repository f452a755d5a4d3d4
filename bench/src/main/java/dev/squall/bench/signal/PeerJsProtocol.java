package dev.squall.bench.signal;

import java.net.URI;

/**
 * The PeerJS server protocol (npm {@code peer} 1.0.x): the id is chosen by the client in the
 * WebSocket URL, the server answers {@code {"type":"OPEN"}}, relays {@code OFFER}/{@code CANDIDATE}
 * frames to {@code dst} with {@code src} added, and drops clients that send no {@code HEARTBEAT}
 * within its alive timeout.
 */
final class PeerJsProtocol implements RelayProtocol {
  @Override
  public String name() {
    return "peerjs";
  }

  @Override
  public URI uri(String host, int port, int index) {
    return URI.create(
        "ws://" + host + ":" + port + "/peerjs?key=peerjs&id=c" + index + "&token=t" + index);
  }

  @Override
  public String hello(int index, int group) {
    return null;
  }

  @Override
  public Kind classify(String text) {
    switch (RelayProtocol.typeOf(text)) {
      case "CANDIDATE", "OFFER", "ANSWER" -> {
        return Kind.RELAYED;
      }
      case "OPEN" -> {
        return Kind.READY;
      }
      case "ERROR", "ID-TAKEN", "EXPIRE", "LEAVE" -> {
        return Kind.ERROR;
      }
      default -> {
        return Kind.OTHER;
      }
    }
  }

  @Override
  public String idFrom(String readyText, int index) {
    return "c" + index;
  }

  @Override
  public String relay(String to, boolean offer, long sentNanos, int sequence) {
    if (offer) {
      return "{\"type\":\"OFFER\",\"dst\":\""
          + to
          + "\",\"payload\":{\"sdp\":{\"sdp\":"
          + Payloads.offerSdpJson(sentNanos)
          + ",\"type\":\"offer\"},\"connectionId\":\"dc_bench\"}}";
    }
    return "{\"type\":\"CANDIDATE\",\"dst\":\""
        + to
        + "\",\"payload\":{\"candidate\":"
        + Payloads.candidateJson(sentNanos, sequence)
        + ",\"connectionId\":\"dc_bench\"}}";
  }

  @Override
  public String keepalive() {
    return "{\"type\":\"HEARTBEAT\"}";
  }
}
