package dev.squall.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  @Test
  void formatsAsSdpAndParsesBack() {
    byte[] hash = new byte[32];
    for (int i = 0; i < hash.length; i++) {
      hash[i] = (byte) (0xA0 + i);
    }
    Fingerprint f = new Fingerprint("SHA-256", hash);
    assertThat(f.algorithm()).isEqualTo("sha-256");
    assertThat(f.format())
        .isEqualTo(
            "sha-256 A0:A1:A2:A3:A4:A5:A6:A7:A8:A9:AA:AB:AC:AD:AE:AF:"
                + "B0:B1:B2:B3:B4:B5:B6:B7:B8:B9:BA:BB:BC:BD:BE:BF");
    assertThat(Fingerprint.parse(f.format())).isEqualTo(f);
    assertThat(Fingerprint.parse("  " + f.format().toLowerCase() + " ")).isEqualTo(f);
  }

  @Test
  void certificateFingerprintIsTheSha256OfItsDer() throws Exception {
    DtlsCertificate cert = Harness.CLIENT_CERT;
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(cert.encoded());
    assertThat(cert.fingerprint().value()).isEqualTo(expected);
    assertThat(cert.fingerprint().format()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(cert.fingerprint("sha-384").value()).hasSize(48);
  }

  @Test
  void matchesOnlySameAlgorithmAndBytes() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[31] = 1;
    assertThat(new Fingerprint("sha-256", a).matches(new Fingerprint("sha-256", a.clone())))
        .isTrue();
    assertThat(new Fingerprint("sha-256", a).matches(new Fingerprint("sha-256", b))).isFalse();
    assertThat(new Fingerprint("sha-256", a).matches(null)).isFalse();
    assertThat(new Fingerprint("sha-1", new byte[20]).matches(new Fingerprint("sha-256", a)))
        .isFalse();
  }

  @Test
  void rejectsMalformedText() {
    for (String bad :
        new String[] {
          "",
          "sha-256",
          "sha-256 ",
          "md5 AB:CD",
          "sha-256 AB:CD",
          "sha-256 ABCD",
          "sha-256 " + "GG:".repeat(31) + "GG",
          "sha-256 " + "AB-".repeat(31) + "AB"
        }) {
      assertThatThrownBy(() -> Fingerprint.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void valueIsDefensivelyCopied() {
    byte[] hash = new byte[32];
    Fingerprint f = new Fingerprint("sha-256", hash);
    hash[0] = 9;
    f.value()[1] = 9;
    assertThat(f.value()).containsOnly(0);
  }

  @Property(tries = 200)
  void parseFormatRoundTrips(@ForAll @Size(32) byte[] hash) {
    Fingerprint f = new Fingerprint("sha-256", hash);
    assertThat(Fingerprint.parse(f.format())).isEqualTo(f);
    assertThat(Fingerprint.parse(f.format()).hashCode()).isEqualTo(f.hashCode());
  }
}
