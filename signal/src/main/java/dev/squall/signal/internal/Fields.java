package dev.squall.signal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.squall.signal.message.ErrorCode;
import dev.squall.signal.message.SignalingException;

/**
 * Typed reads of the fields of one JSON object; every wrong shape becomes a {@link
 * SignalingException} with {@code bad-message} that carries the object's {@code ref}.
 */
public final class Fields {

  private final ObjectNode node;
  private final JsonNode ref;

  public Fields(ObjectNode node, JsonNode ref) {
    this.node = node;
    this.ref = ref;
  }

  /** A string field that must be present and textual. */
  public String string(String name) throws SignalingException {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual()) {
      throw bad("field '" + name + "' must be a string");
    }
    return v.textValue();
  }

  /** A string field that may be absent or null (then null). */
  public String optionalString(String name) throws SignalingException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw bad("field '" + name + "' must be a string");
    }
    return v.textValue();
  }

  /** A field of any JSON type that must be present (JSON null included). */
  public JsonNode present(String name) throws SignalingException {
    JsonNode v = node.get(name);
    if (v == null) {
      throw bad("field '" + name + "' is missing");
    }
    return v;
  }

  /** A boolean field that must be present. */
  public boolean bool(String name) throws SignalingException {
    JsonNode v = node.get(name);
    if (v == null || !v.isBoolean()) {
      throw bad("field '" + name + "' must be a boolean");
    }
    return v.booleanValue();
  }

  /** An integer field in {@code [min, max]} that may be absent or null (then null). */
  public Integer optionalInt(String name, int min, int max) throws SignalingException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
      throw bad("field '" + name + "' must be an integer in " + min + ".." + max);
    }
    return v.intValue();
  }

  /** An array field that must be present. */
  public JsonNode array(String name) throws SignalingException {
    JsonNode v = node.get(name);
    if (v == null || !v.isArray()) {
      throw bad("field '" + name + "' must be an array");
    }
    return v;
  }

  /** An object field that must be present. */
  public ObjectNode object(String name) throws SignalingException {
    JsonNode v = node.get(name);
    if (v == null || !v.isObject()) {
      throw bad("field '" + name + "' must be an object");
    }
    return (ObjectNode) v;
  }

  /** A {@code bad-message} problem with this object's ref. */
  public SignalingException bad(String message) {
    return new SignalingException(ErrorCode.BAD_MESSAGE, message, ref);
  }
}
