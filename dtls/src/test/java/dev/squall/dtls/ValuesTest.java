package dev.squall.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void roleFollowsTheSetupAttribute() {
    assertThat(DtlsRole.fromLocalSetup("active")).isEqualTo(DtlsRole.CLIENT);
    assertThat(DtlsRole.fromLocalSetup(" PASSIVE")).isEqualTo(DtlsRole.SERVER);
    assertThat(DtlsRole.fromRemoteSetup("active")).isEqualTo(DtlsRole.SERVER);
    assertThat(DtlsRole.fromRemoteSetup("passive")).isEqualTo(DtlsRole.CLIENT);
    assertThat(DtlsRole.CLIENT.setupValue()).isEqualTo("active");
    assertThatThrownBy(() -> DtlsRole.fromLocalSetup("actpass"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actpass");
  }

  @Test
  void srtpKeyingMaterialIsSlicedAsRfc5764Section42Says() {
    byte[] m = new byte[60];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) i;
    }
    SrtpKeyingMaterial client =
        new SrtpKeyingMaterial(SrtpProfile.AES128_CM_HMAC_SHA1_80, DtlsRole.CLIENT, m);
    assertThat(client.clientKey()).startsWith(0).hasSize(16).endsWith(15);
    assertThat(client.serverKey()).startsWith(16).hasSize(16);
    assertThat(client.clientSalt()).startsWith(32).hasSize(14);
    assertThat(client.serverSalt()).startsWith(46).hasSize(14).endsWith(59);
    SrtpKeyingMaterial server =
        new SrtpKeyingMaterial(SrtpProfile.AES128_CM_HMAC_SHA1_80, DtlsRole.SERVER, m);
    assertThat(server.localKey()).isEqualTo(client.remoteKey());
    assertThat(server.remoteSalt()).isEqualTo(client.localSalt());
    assertThat(SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()).isEqualTo(56);
    assertThat(SrtpProfile.fromCode(0x0007)).contains(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(SrtpProfile.fromCode(0x0002)).isEmpty();
    assertThatThrownBy(
            () -> new SrtpKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, DtlsRole.CLIENT, m))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configValidatesItsRanges() {
    DtlsConfig d = DtlsConfig.defaults();
    assertThat(d.mtu()).isEqualTo(1200);
    assertThat(d.crypto()).isEqualTo(CryptoProvider.JCA);
    assertThat(d.withMtu(4000).receiveLimit()).isEqualTo(4000);
    assertThatThrownBy(() -> d.withMtu(100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withHandshakeTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
