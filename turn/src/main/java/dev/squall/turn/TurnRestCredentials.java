package dev.squall.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ephemeral TURN credentials by the "TURN REST API" convention (draft-uberti-behave-turn-rest,
 * coturn's {@code use-auth-secret}): the username is {@code <expiry>:<user>} with the expiry in
 * Unix seconds, and the password is the Base64 HMAC-SHA1 of that username keyed with a secret the
 * credential issuer and the TURN server share. The server needs no user database: it recomputes the
 * password and refuses usernames whose expiry has passed.
 *
 * <p>Immutable and thread-safe; holds only the shared secret.
 */
public final class TurnRestCredentials {

  /** A minted username and password. */
  public record Credential(String username, String password, Instant expiry) {}

  private final byte[] secret;

  /**
   * @param sharedSecret the secret shared with the TURN server (non-empty)
   */
  public TurnRestCredentials(String sharedSecret) {
    Objects.requireNonNull(sharedSecret, "sharedSecret");
    if (sharedSecret.isEmpty()) {
      throw new IllegalArgumentException("the TURN shared secret must not be empty");
    }
    this.secret = sharedSecret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Mints a credential for {@code user} (may be empty) valid until {@code expiry}.
   *
   * @throws IllegalArgumentException when {@code user} contains a colon
   */
  public Credential mint(String user, Instant expiry) {
    Objects.requireNonNull(user, "user");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a REST credential user must not contain ':'");
    }
    String username =
        user.isEmpty()
            ? Long.toString(expiry.getEpochSecond())
            : expiry.getEpochSecond() + ":" + user;
    return new Credential(username, passwordFor(username), expiry);
  }

  /** The password the convention gives {@code username}: Base64(HMAC-SHA1(secret, username)). */
  public String passwordFor(String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] tag = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
  }

  /**
   * The expiry encoded in a REST username ({@code <expiry>} or {@code <expiry>:<user>}), or empty
   * when the username does not follow the convention.
   */
  public static Optional<Instant> expiryOf(String username) {
    int colon = username.indexOf(':');
    String digits = colon < 0 ? username : username.substring(0, colon);
    if (digits.isEmpty() || digits.length() > 12) {
      return Optional.empty();
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(digits)));
  }

  /**
   * True when {@code username} follows the convention, has not expired at {@code now}, and {@code
   * password} is its password (compared in constant time).
   */
  public boolean isValid(String username, String password, Instant now) {
    Optional<Instant> expiry = expiryOf(username);
    if (expiry.isEmpty() || !now.isBefore(expiry.get())) {
      return false;
    }
    return MessageDigest.isEqual(
        passwordFor(username).getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8));
  }
}
