package dev.squall.bench.signal;

import java.net.URI;

/**
 * How the load generator speaks one signaling server's protocol: where to connect, what to say
 * after the WebSocket opens, how to recognise the server's messages and how to write a relayed
 * offer or candidate that carries its send timestamp.
 */
interface RelayProtocol {

  /** What a server message means to the generator. */
  enum Kind {
    /** The client may relay now (Squall {@code joined}, PeerJS {@code OPEN}). */
    READY,
    /** An offer or candidate relayed from another client. */
    RELAYED,
    /** The server refused something (error, rate limit, id taken, expired peer). */
    ERROR,
    /** Anything else (presence, pongs): ignored. */
    OTHER
  }

  String name();

  /** The WebSocket URI for client {@code index}. */
  URI uri(String host, int port, int index);

  /** The first text frame to send after the handshake, or null when the server speaks first. */
  String hello(int index, int group);

  Kind classify(String text);

  /** The peer id the server gave this client, from its READY message. */
  String idFrom(String readyText, int index);

  /**
   * A relay to {@code to} whose payload embeds {@code sentNanos}: an offer when {@code offer} is
   * true, otherwise a candidate.
   */
  String relay(String to, boolean offer, long sentNanos, int sequence);

  /** A keepalive text frame the client must send periodically, or null. */
  String keepalive();

  /** The value of the first {@code "type":"…"} field of a JSON text, or "" when absent. */
  static String typeOf(String text) {
    int at = text.indexOf("\"type\":\"");
    if (at < 0) {
      return "";
    }
    int from = at + 8;
    int to = text.indexOf('"', from);
    return to < 0 ? "" : text.substring(from, to);
  }

  /**
   * The send timestamp embedded by {@link Payloads} in a relayed message (the foundation of the
   * candidate or the session id of the offer's {@code o=} line), or -1 when absent.
   */
  static long timestampOf(String text) {
    int at = text.indexOf(Payloads.CANDIDATE_PREFIX);
    int from;
    if (at >= 0) {
      from = at + Payloads.CANDIDATE_PREFIX.length();
    } else {
      at = text.indexOf(Payloads.ORIGIN_PREFIX);
      if (at < 0) {
        return -1;
      }
      from = at + Payloads.ORIGIN_PREFIX.length();
    }
    long value = 0;
    int i = from;
    boolean negative = i < text.length() && text.charAt(i) == 'n';
    if (negative) {
      i++;
    }
    int digits = 0;
    for (; i < text.length() && digits < 19; i++, digits++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
    }
    if (digits == 0) {
      return -1;
    }
    return negative ? -value : value;
  }
}
