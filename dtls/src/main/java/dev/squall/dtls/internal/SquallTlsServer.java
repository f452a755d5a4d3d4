package dev.squall.dtls.internal;

import dev.squall.dtls.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Optional;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The DTLS 1.2 server as WebRTC uses it: selects TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, requires
 * the extended master secret, signs with our self-signed ECDSA certificate, always requests a
 * client certificate and accepts it only if it matches the SDP fingerprint, and answers {@code
 * use_srtp} with the first of our profiles the client offered.
 */
public final class SquallTlsServer extends DefaultTlsServer {

  private final PreparedCrypto prepared;
  private final HandshakeSupport support;
  private final int resendMillis;
  private SrtpProfile srtpProfile;

  public SquallTlsServer(PreparedCrypto prepared, HandshakeSupport support, int resendMillis) {
    super(prepared.crypto());
    this.prepared = prepared;
    this.support = support;
    this.resendMillis = resendMillis;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
  }

  @Override
  public boolean requiresExtendedMasterSecret() {
    return true;
  }

  /**
   * None here: the handshake's deadline runs from its start, see {@link QueueDatagramTransport}.
   */
  @Override
  public int getHandshakeTimeoutMillis() {
    return 0;
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return resendMillis;
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    return prepared.signer(context);
  }

  @Override
  public CertificateRequest getCertificateRequest() {
    short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
    return new CertificateRequest(
        types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
  }

  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    support.verifyPeer(clientCertificate);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (offered != null) {
      Optional<SrtpProfile> chosen = support.chooseSrtpProfile(offered.getProtectionProfiles());
      srtpProfile = chosen.orElse(null);
      chosen.ifPresent(support::srtpChosen);
    }
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    if (srtpProfile != null) {
      TlsSRTPUtils.addUseSRTPExtension(
          extensions, new UseSRTPData(new int[] {srtpProfile.code()}, HandshakeSupport.NO_MKI));
    }
    return extensions;
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    support.handshakeComplete(context);
  }

  @Override
  public void notifyAlertRaised(
      short alertLevel, short alertDescription, String message, Throwable cause) {
    support.alertRaised(alertLevel, alertDescription, message, cause);
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    support.alertReceived(alertLevel, alertDescription);
  }
}
