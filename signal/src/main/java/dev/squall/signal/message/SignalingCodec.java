package dev.squall.signal.message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.squall.signal.IceServer;
import dev.squall.signal.internal.Fields;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the protocol's messages to and from JSON text (docs/signaling.md), for the server and
 * the client alike. Decoding never throws anything but {@link SignalingException}: malformed JSON
 * or a non-object gives {@code bad-json}, a missing or mistyped field {@code bad-message}, an
 * unknown {@code type} {@code unknown-type}. Unknown fields are ignored. Numbers keep their exact
 * value (big integers and decimals stay exact), nesting is limited to {@value #MAX_DEPTH} levels.
 * Thread-safe and immutable; share one instance.
 */
public final class SignalingCodec {

  /** The deepest nesting of arrays and objects accepted in a frame. */
  public static final int MAX_DEPTH = 64;

  private final ObjectMapper mapper;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  public SignalingCodec() {
    JsonMapper m =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(200)
                .maxStringLength(16 * 1024 * 1024)
                .build());
    this.mapper = m;
  }

  // ---------------------------------------------------------------- client → server

  /** Decodes a frame a client sent. */
  public ClientMessage decodeClient(String text) throws SignalingException {
    ObjectNode obj = parseObject(text);
    JsonNode ref = readRef(obj);
    Fields f = new Fields(obj, ref);
    String type = typeOf(obj, ref);
    return switch (type) {
      case "join" -> new Join(f.string("room"), f.string("name"), f.optionalString("token"), ref);
      case "resume" -> new Resume(f.string("resumeToken"), ref);
      case "offer" -> new Offer(f.string("to"), f.string("sdp"), ref);
      case "answer" -> new Answer(f.string("to"), f.string("sdp"), ref);
      case "candidate" -> new Candidate(f.string("to"), candidate(f, ref), ref);
      case "message" -> new AppMessage(f.optionalString("to"), f.present("data"), ref);
      case "leave" -> new Leave(ref);
      case "ping" -> new Ping(obj.get("id"), ref);
      default ->
          throw new SignalingException(
              ErrorCode.UNKNOWN_TYPE, "unknown type '" + abbreviate(type) + "'", ref);
    };
  }

  /** Encodes a message a client sends. */
  public String encode(ClientMessage m) {
    ObjectNode o = nodes.objectNode().put("type", m.type());
    if (m instanceof Join j) {
      o.put("room", j.room()).put("name", j.name());
      putIfNotNull(o, "token", j.token());
    } else if (m instanceof Resume r) {
      o.put("resumeToken", r.resumeToken());
    } else if (m instanceof Offer x) {
      o.put("to", x.to()).put("sdp", x.sdp());
    } else if (m instanceof Answer x) {
      o.put("to", x.to()).put("sdp", x.sdp());
    } else if (m instanceof Candidate c) {
      o.put("to", c.to()).set("candidate", candidateNode(c.candidate()));
    } else if (m instanceof AppMessage a) {
      putIfNotNull(o, "to", a.to());
      o.set("data", a.data());
    } else if (m instanceof Ping p && p.id() != null) {
      o.set("id", p.id());
    }
    if (m.ref() != null) {
      o.set("ref", m.ref());
    }
    return write(o);
  }

  // ---------------------------------------------------------------- server → client

  /** Encodes a message the server sends. */
  public String encode(ServerMessage m) {
    ObjectNode o = nodes.objectNode().put("type", m.type());
    if (m instanceof Joined j) {
      o.put("id", j.id()).put("room", j.room()).put("name", j.name());
      ArrayNode peers = o.putArray("peers");
      j.peers().forEach(p -> peers.add(peerNode(p)));
      ArrayNode ice = o.putArray("iceServers");
      j.iceServers().forEach(s -> ice.add(iceServerNode(s)));
      o.put("resumeToken", j.resumeToken()).put("resumed", j.resumed());
    } else if (m instanceof PeerJoined p) {
      o.set("peer", peerNode(p.peer()));
    } else if (m instanceof PeerLeft p) {
      o.put("id", p.id()).put("reason", p.reason());
    } else if (m instanceof RelayedOffer r) {
      o.put("from", r.from()).put("sdp", r.sdp());
    } else if (m instanceof RelayedAnswer r) {
      o.put("from", r.from()).put("sdp", r.sdp());
    } else if (m instanceof RelayedCandidate r) {
      o.put("from", r.from()).set("candidate", candidateNode(r.candidate()));
    } else if (m instanceof RelayedMessage r) {
      o.put("from", r.from()).set("data", r.data());
    } else if (m instanceof Pong p) {
      if (p.id() != null) {
        o.set("id", p.id());
      }
    } else if (m instanceof ErrorMessage e) {
      o.put("code", e.code()).put("message", e.message());
      if (e.ref() != null) {
        o.set("ref", e.ref());
      }
    } else if (m instanceof Shutdown s) {
      o.put("reason", s.reason());
    }
    return write(o);
  }

  /** Decodes a frame the server sent (used by the client). */
  public ServerMessage decodeServer(String text) throws SignalingException {
    ObjectNode obj = parseObject(text);
    Fields f = new Fields(obj, null);
    String type = typeOf(obj, null);
    return switch (type) {
      case "joined" ->
          new Joined(
              f.string("id"),
              f.string("room"),
              f.string("name"),
              peers(f.array("peers")),
              iceServers(f.array("iceServers")),
              f.string("resumeToken"),
              f.bool("resumed"));
      case "peer-joined" -> new PeerJoined(peer(f.object("peer")));
      case "peer-left" -> new PeerLeft(f.string("id"), f.string("reason"));
      case "offer" -> new RelayedOffer(f.string("from"), f.string("sdp"));
      case "answer" -> new RelayedAnswer(f.string("from"), f.string("sdp"));
      case "candidate" -> new RelayedCandidate(f.string("from"), candidate(f, null));
      case "message" -> new RelayedMessage(f.string("from"), f.present("data"));
      case "pong" -> new Pong(obj.get("id"));
      case "error" -> new ErrorMessage(f.string("code"), f.string("message"), readRef(obj));
      case "shutdown" -> new Shutdown(f.string("reason"));
      default ->
          throw new SignalingException(
              ErrorCode.UNKNOWN_TYPE, "unknown type '" + abbreviate(type) + "'", null);
    };
  }

  // ---------------------------------------------------------------- helpers

  /** Parses any JSON text to a tree (also used for auth token payloads). */
  public JsonNode parse(String text) throws SignalingException {
    if (text == null) {
      throw new SignalingException(ErrorCode.BAD_JSON, "no text", null);
    }
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new SignalingException(ErrorCode.BAD_JSON, "empty frame", null);
      }
      return node;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new SignalingException(ErrorCode.BAD_JSON, "not valid JSON", null);
    }
  }

  /** Writes a tree as compact JSON text. */
  public String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parser factory, configured as for {@link #decodeClient} (features, read constraints). */
  public JsonFactory jsonFactory() {
    return mapper.getFactory();
  }

  /** The node factory for building {@code data} values. */
  public JsonNodeFactory nodes() {
    return nodes;
  }

  private ObjectNode parseObject(String text) throws SignalingException {
    JsonNode node = parse(text);
    if (!node.isObject()) {
      throw new SignalingException(ErrorCode.BAD_JSON, "a frame must hold a JSON object", null);
    }
    return (ObjectNode) node;
  }

  private static JsonNode readRef(ObjectNode obj) throws SignalingException {
    JsonNode ref = obj.get("ref");
    if (ref == null || ref.isNull()) {
      return null;
    }
    if (!ref.isTextual() && !ref.isNumber()) {
      throw new SignalingException(ErrorCode.BAD_MESSAGE, "'ref' must be a string or number", null);
    }
    return ref;
  }

  private static String typeOf(ObjectNode obj, JsonNode ref) throws SignalingException {
    JsonNode type = obj.get("type");
    if (type == null || !type.isTextual()) {
      throw new SignalingException(ErrorCode.BAD_MESSAGE, "field 'type' must be a string", ref);
    }
    return type.textValue();
  }

  private static IceCandidate candidate(Fields f, JsonNode ref) throws SignalingException {
    JsonNode c = f.present("candidate");
    if (c.isNull()) {
      return null;
    }
    if (!c.isObject()) {
      throw f.bad("field 'candidate' must be an object or null");
    }
    Fields cf = new Fields((ObjectNode) c, ref);
    return new IceCandidate(
        cf.string("candidate"),
        cf.optionalString("sdpMid"),
        cf.optionalInt("sdpMLineIndex", 0, 65535),
        cf.optionalString("usernameFragment"));
  }

  private JsonNode candidateNode(IceCandidate c) {
    if (c == null) {
      return nodes.nullNode();
    }
    ObjectNode o = nodes.objectNode().put("candidate", c.candidate());
    putIfNotNull(o, "sdpMid", c.sdpMid());
    if (c.sdpMLineIndex() != null) {
      o.put("sdpMLineIndex", c.sdpMLineIndex().intValue());
    }
    putIfNotNull(o, "usernameFragment", c.usernameFragment());
    return o;
  }

  private ObjectNode peerNode(PeerInfo p) {
    return nodes.objectNode().put("id", p.id()).put("name", p.name());
  }

  private ObjectNode iceServerNode(IceServer s) {
    ObjectNode o = nodes.objectNode();
    ArrayNode urls = o.putArray("urls");
    s.urls().forEach(urls::add);
    putIfNotNull(o, "username", s.username());
    putIfNotNull(o, "credential", s.credential());
    return o;
  }

  private static PeerInfo peer(ObjectNode o) throws SignalingException {
    Fields f = new Fields(o, null);
    return new PeerInfo(f.string("id"), f.string("name"));
  }

  private static List<PeerInfo> peers(JsonNode array) throws SignalingException {
    List<PeerInfo> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isObject()) {
        throw new SignalingException(ErrorCode.BAD_MESSAGE, "peers must hold objects", null);
      }
      out.add(peer((ObjectNode) n));
    }
    return out;
  }

  private static List<IceServer> iceServers(JsonNode array) throws SignalingException {
    List<IceServer> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isObject()) {
        throw new SignalingException(ErrorCode.BAD_MESSAGE, "iceServers must hold objects", null);
      }
      Fields f = new Fields((ObjectNode) n, null);
      JsonNode urls = n.get("urls");
      List<String> list = new ArrayList<>();
      if (urls != null && urls.isTextual()) {
        list.add(urls.textValue());
      } else if (urls != null && urls.isArray()) {
        for (JsonNode u : urls) {
          if (!u.isTextual()) {
            throw f.bad("urls must hold strings");
          }
          list.add(u.textValue());
        }
      } else {
        throw f.bad("field 'urls' must be a string or an array");
      }
      out.add(new IceServer(list, f.optionalString("username"), f.optionalString("credential")));
    }
    return out;
  }

  private static void putIfNotNull(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 32 ? s : s.substring(0, 32) + "…";
  }
}
