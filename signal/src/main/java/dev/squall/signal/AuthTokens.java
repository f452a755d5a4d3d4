package dev.squall.signal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Join tokens (docs/signaling.md, "Authentication"):
 *
 * <pre>
 * token   = base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))
 * payload = {"room": "&lt;room or *&gt;", "exp": &lt;unix seconds&gt;, "name": "&lt;optional&gt;"}
 * </pre>
 *
 * base64url is RFC 4648 §5 without padding. A token is valid while {@code now < exp}, for the room
 * it names (or any room for {@code *}) and, when it names a display name, only for that name. The
 * signature is compared in constant time. Minting is static; verification needs an instance ({@link
 * #forSecret}), which is immutable and thread-safe.
 */
public final class AuthTokens {

  /** Why a token was accepted or refused; only {@link #VALID} admits the join. */
  public enum Result {
    VALID,
    MISSING,
    MALFORMED,
    BAD_SIGNATURE,
    EXPIRED,
    WRONG_ROOM,
    WRONG_NAME
  }

  private static final String HMAC = "HmacSHA256";
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final SecretKeySpec key;
  private final ObjectMapper json = JsonMapper.builder().build();

  private AuthTokens(String secret) {
    this.key = keyOf(secret);
  }

  /** A verifier for tokens signed with {@code secret}. */
  public static AuthTokens forSecret(String secret) {
    return new AuthTokens(secret);
  }

  /** A token for {@code room} ({@code *} for any room) valid until {@code expiresAt}. */
  public static String mint(String secret, String room, Instant expiresAt) {
    return mint(secret, room, null, expiresAt);
  }

  /**
   * A token for {@code room} ({@code *} for any) and, when {@code name} is not null, only for that
   * display name, valid until {@code expiresAt}.
   */
  public static String mint(String secret, String room, String name, Instant expiresAt) {
    Objects.requireNonNull(room, "room");
    JsonStringEncoder enc = JsonStringEncoder.getInstance();
    StringBuilder payload = new StringBuilder("{\"room\":\"");
    payload
        .append(enc.quoteAsString(room))
        .append("\",\"exp\":")
        .append(expiresAt.getEpochSecond());
    if (name != null) {
      payload.append(",\"name\":\"").append(enc.quoteAsString(name)).append('"');
    }
    payload.append('}');
    String p = b64(payload.toString().getBytes(StandardCharsets.UTF_8));
    return p + "." + b64(sign(keyOf(secret), p));
  }

  /** Static form of {@link #verify(String, String, String, Instant)}. */
  public static Result verify(String secret, String token, String room, String name, Instant now) {
    return forSecret(secret).verify(token, room, name, now);
  }

  /**
   * Checks {@code token} for a join of {@code room} under display name {@code name} (already
   * trimmed) at wall-clock time {@code now}.
   */
  public Result verify(String token, String room, String name, Instant now) {
    if (token == null || token.isEmpty()) {
      return Result.MISSING;
    }
    int dot = token.indexOf('.');
    if (token.length() > MAX_TOKEN_LENGTH || dot <= 0 || dot != token.lastIndexOf('.')) {
      return Result.MALFORMED;
    }
    String payloadPart = token.substring(0, dot);
    byte[] signature;
    byte[] payload;
    try {
      if (token.indexOf('=') >= 0) {
        return Result.MALFORMED;
      }
      signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      payload = Base64.getUrlDecoder().decode(payloadPart);
    } catch (IllegalArgumentException e) {
      return Result.MALFORMED;
    }
    if (!MessageDigest.isEqual(signature, sign(key, payloadPart))) {
      return Result.BAD_SIGNATURE;
    }
    JsonNode claims;
    try {
      claims = json.readTree(payload);
    } catch (java.io.IOException | RuntimeException e) {
      return Result.MALFORMED;
    }
    if (claims == null || !claims.isObject()) {
      return Result.MALFORMED;
    }
    JsonNode exp = claims.get("exp");
    JsonNode tokenRoom = claims.get("room");
    JsonNode tokenName = claims.get("name");
    if (exp == null
        || !exp.isIntegralNumber()
        || tokenRoom == null
        || !tokenRoom.isTextual()
        || (tokenName != null && !tokenName.isNull() && !tokenName.isTextual())) {
      return Result.MALFORMED;
    }
    boolean expired =
        exp.canConvertToLong()
            ? now.getEpochSecond() >= exp.longValue()
            : exp.bigIntegerValue().signum() < 0;
    if (expired) {
      return Result.EXPIRED;
    }
    return roomAndName(tokenRoom, tokenName, room, name);
  }

  private static Result roomAndName(
      JsonNode tokenRoom, JsonNode tokenName, String room, String name) {
    String r = tokenRoom.textValue();
    if (!r.equals("*") && !r.equals(room)) {
      return Result.WRONG_ROOM;
    }
    if (tokenName != null && tokenName.isTextual() && !tokenName.textValue().equals(name)) {
      return Result.WRONG_NAME;
    }
    return Result.VALID;
  }

  private static SecretKeySpec keyOf(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
  }

  private static byte[] sign(SecretKeySpec key, String payloadPart) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(payloadPart.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
