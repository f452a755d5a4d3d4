package dev.squall.dtls.internal;

import dev.squall.dtls.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The DTLS 1.2 client (RFC 6347) as WebRTC uses it: offers only
 * TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, requires the extended master secret (RFC 7627), offers
 * {@code use_srtp} (RFC 5764), authenticates with our self-signed certificate when asked and
 * accepts the server's certificate only if it matches the SDP fingerprint.
 */
public final class SquallTlsClient extends DefaultTlsClient {

  private final PreparedCrypto prepared;
  private final HandshakeSupport support;
  private final int resendMillis;

  public SquallTlsClient(PreparedCrypto prepared, HandshakeSupport support, int resendMillis) {
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

  /** The groups browsers offer (no x448): each offered group is a capability check. */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected Vector getSupportedGroups(Vector namedGroupRoles) {
    Vector groups = new Vector();
    TlsUtils.addIfSupported(
        groups,
        getCrypto(),
        new int[] {NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1});
    return groups;
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
        return prepared.signer(context);
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
