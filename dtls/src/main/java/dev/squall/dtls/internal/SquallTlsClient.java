package dev.squall.dtls.internal;

import dev.squall.dtls.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The DTLS 1.2 client (RFC 6347) as WebRTC uses it: offers only
 * TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, requires the extended master secret (RFC 7627), offers
 * {@code use_srtp} (RFC 5764), authenticates with our self-signed certificate when asked and
 * accepts the server's certificate only if it matches the SDP fingerprint.
 */
public final class SquallTlsClient extends DefaultTlsClient {

  private final HandshakeSupport support;
  private final int handshakeTimeoutMillis;
  private final int resendMillis;

  public SquallTlsClient(
      TlsCrypto crypto, HandshakeSupport support, int handshakeTimeoutMillis, int resendMillis) {
    super(crypto);
    this.support = support;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
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

  @Override
  public int getHandshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return resendMillis;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    if (!support.srtpProfiles().isEmpty()) {
      int[] codes = support.srtpProfiles().stream().mapToInt(SrtpProfile::code).toArray();
      TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(codes, HandshakeSupport.NO_MKI));
    }
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    UseSRTPData srtp = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (srtp != null) {
      support.acceptSrtpSelection(srtp.getProtectionProfiles());
    }
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        support.verifyPeer(serverCertificate.getCertificate());
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
        return TlsCryptoFactory.signer(context, getCrypto(), support.certificate());
      }
    };
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
