package dev.squall.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.signal.AuthTokens.Result;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuthTokensTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

  /** The recipe of docs/signaling.md, written out independently. */
  private static String docRecipe(String secret, String payloadJson) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String payload = b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return payload
        + "."
        + b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void mintMatchesTheDocumentedRecipe() throws Exception {
    String expected = docRecipe("k", "{\"room\":\"demo\",\"exp\":1800000060}");
    assertThat(AuthTokens.mint("k", "demo", NOW.plusSeconds(60))).isEqualTo(expected);
  }

  @Test
  void tokensFromOtherMintersVerify() throws Exception {
    String t = docRecipe("k", "{\"exp\":1800000060,\"name\":\"Ada\",\"room\":\"*\",\"x\":1}");
    assertThat(AuthTokens.verify("k", t, "demo", "Ada", NOW)).isEqualTo(Result.VALID);
    assertThat(AuthTokens.verify("k", t, "demo", "Bob", NOW)).isEqualTo(Result.WRONG_NAME);
  }

  @Test
  void refusals() throws Exception {
    AuthTokens v = AuthTokens.forSecret("k");
    assertThat(v.verify(null, "r", "n", NOW)).isEqualTo(Result.MISSING);
    assertThat(v.verify("", "r", "n", NOW)).isEqualTo(Result.MISSING);
    assertThat(v.verify("abc", "r", "n", NOW)).isEqualTo(Result.MALFORMED);
    assertThat(v.verify("a.b.c", "r", "n", NOW)).isEqualTo(Result.MALFORMED);
    assertThat(v.verify("a.b=", "r", "n", NOW)).isEqualTo(Result.MALFORMED);
    assertThat(v.verify("!!.??", "r", "n", NOW)).isEqualTo(Result.MALFORMED);
    assertThat(v.verify(docRecipe("k", "[1]"), "r", "n", NOW)).isEqualTo(Result.MALFORMED);
    assertThat(v.verify(docRecipe("k", "{\"room\":\"r\",\"exp\":\"1\"}"), "r", "n", NOW))
        .isEqualTo(Result.MALFORMED);
    assertThat(v.verify(docRecipe("k", "{\"room\":\"r\",\"exp\":-1e99999}"), "r", "n", NOW))
        .isEqualTo(Result.MALFORMED);
    assertThat(
            v.verify(
                docRecipe("k", "{\"room\":\"r\",\"exp\":99999999999999999999999}"), "r", "n", NOW))
        .isEqualTo(Result.VALID);
    assertThat(
            v.verify(
                docRecipe("k", "{\"room\":\"r\",\"exp\":-99999999999999999999999}"), "r", "n", NOW))
        .isEqualTo(Result.EXPIRED);
    assertThat(v.verify(AuthTokens.mint("k", "r", NOW.minusSeconds(1)), "r", "n", NOW))
        .isEqualTo(Result.EXPIRED);
    assertThat(v.verify(AuthTokens.mint("k", "r", NOW.plusSeconds(1)), "s", "n", NOW))
        .isEqualTo(Result.WRONG_ROOM);
    assertThat(v.verify(AuthTokens.mint("j", "r", NOW.plusSeconds(1)), "r", "n", NOW))
        .isEqualTo(Result.BAD_SIGNATURE);
  }

  @Test
  void namesWithQuotesAreEscapedInThePayload() {
    String t = AuthTokens.mint("k", "r", "A \"quoted\" \\ name", NOW.plusSeconds(5));
    assertThat(AuthTokens.verify("k", t, "r", "A \"quoted\" \\ name", NOW)).isEqualTo(Result.VALID);
  }
}
