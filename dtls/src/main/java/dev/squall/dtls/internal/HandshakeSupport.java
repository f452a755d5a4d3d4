package dev.squall.dtls.internal;

import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsException;
import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.Fingerprint;
import dev.squall.dtls.SrtpKeyingMaterial;
import dev.squall.dtls.SrtpProfile;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What our BouncyCastle client and server subclasses share: the remote fingerprint check, {@code
 * use_srtp} profile choice, keying-material export at handshake completion, and a record of the
 * alerts seen so that a failed handshake can be explained in one clear {@link DtlsException}.
 *
 * <p>Written by the handshake thread and, for alerts after the handshake, by the loop; fields read
 * across threads are volatile.
 */
public final class HandshakeSupport {

  /** SRTP offers carry no MKI (RFC 5764 4.1.1; browsers send none). */
  static final byte[] NO_MKI = new byte[0];

  private static final Logger LOG = LoggerFactory.getLogger(HandshakeSupport.class);

  private final DtlsRole role;
  private final DtlsCertificate certificate;
  private final Fingerprint expectedRemote;
  private final List<SrtpProfile> srtpProfiles;
  private final long handshakeTimeoutMillis;
  private volatile DtlsException verificationFailure;
  private volatile Fingerprint remoteFingerprint;
  private volatile SrtpProfile srtpProfile;
  private volatile SrtpKeyingMaterial srtpKeyingMaterial;
  private volatile String cipherSuite;
  private volatile boolean closeNotifyReceived;
  private volatile short fatalAlertReceived = -1;

  public HandshakeSupport(
      DtlsRole role,
      DtlsCertificate certificate,
      Fingerprint expectedRemote,
      List<SrtpProfile> srtpProfiles,
      long handshakeTimeoutMillis) {
    this.role = role;
    this.certificate = certificate;
    this.expectedRemote = expectedRemote;
    this.srtpProfiles = List.copyOf(srtpProfiles);
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
  }

  DtlsCertificate certificate() {
    return certificate;
  }

  List<SrtpProfile> srtpProfiles() {
    return srtpProfiles;
  }

  /**
   * Checks the peer's certificate chain against the SDP fingerprint. The end-entity certificate
   * must hash to the expected value; BouncyCastle then checks the handshake signatures against its
   * key.
   *
   * @throws TlsFatalAlert bad_certificate (or certificate_required for an empty chain), after
   *     recording the {@link DtlsException} that {@link #explain} will report
   */
  void verifyPeer(Certificate chain) throws IOException {
    if (chain == null || chain.isEmpty()) {
      verificationFailure = new DtlsException("the peer sent no certificate");
      throw new TlsFatalAlert(AlertDescription.handshake_failure, "no peer certificate");
    }
    byte[] der = chain.getCertificateAt(0).getEncoded();
    Fingerprint actual = Fingerprint.of(der, expectedRemote.algorithm());
    if (!actual.matches(expectedRemote)) {
      verificationFailure =
          new DtlsException(
              "remote certificate fingerprint "
                  + actual
                  + " does not match the SDP fingerprint "
                  + expectedRemote);
      throw new TlsFatalAlert(AlertDescription.bad_certificate, "fingerprint mismatch");
    }
    remoteFingerprint = actual;
  }

  /** Server side: the first of our profiles that the client offered. */
  Optional<SrtpProfile> chooseSrtpProfile(int[] offered) {
    for (SrtpProfile ours : srtpProfiles) {
      for (int code : offered) {
        if (code == ours.code()) {
          return Optional.of(ours);
        }
      }
    }
    return Optional.empty();
  }

  /** Client side: the server's choice must be exactly one profile we offered. */
  void acceptSrtpSelection(int[] selected) throws IOException {
    if (selected.length != 1) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, "use_srtp must select one");
    }
    SrtpProfile profile =
        SrtpProfile.fromCode(selected[0])
            .filter(srtpProfiles::contains)
            .orElseThrow(
                () ->
                    new TlsFatalAlert(
                        AlertDescription.illegal_parameter, "use_srtp profile not offered"));
    srtpProfile = profile;
  }

  void srtpChosen(SrtpProfile profile) {
    srtpProfile = profile;
  }

  /** Called from notifyHandshakeComplete: exports the SRTP keys while the secrets are at hand. */
  void handshakeComplete(TlsContext context) {
    this.cipherSuite = cipherSuiteName(context.getSecurityParametersConnection().getCipherSuite());
    SrtpProfile profile = srtpProfile;
    if (profile != null) {
      byte[] material =
          context.exportKeyingMaterial(
              ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
      srtpKeyingMaterial = new SrtpKeyingMaterial(profile, role, material);
    }
  }

  private static String cipherSuiteName(int code) {
    return code == CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
        ? "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
        : String.format("0x%04X", code);
  }

  void alertRaised(short level, short description, String message, Throwable cause) {
    if (level == AlertLevel.fatal) {
      LOG.debug(
          "{}: sending fatal alert {}: {}", role, AlertDescription.getText(description), message);
    }
  }

  void alertReceived(short level, short description) {
    if (description == AlertDescription.close_notify) {
      closeNotifyReceived = true;
    } else if (level == AlertLevel.fatal) {
      fatalAlertReceived = description;
      LOG.debug("{}: peer sent fatal alert {}", role, AlertDescription.getText(description));
    }
  }

  public boolean closeNotifyReceived() {
    return closeNotifyReceived;
  }

  public Fingerprint remoteFingerprint() {
    return remoteFingerprint;
  }

  public Optional<SrtpProfile> srtpProfile() {
    return Optional.ofNullable(srtpProfile);
  }

  public Optional<SrtpKeyingMaterial> srtpKeyingMaterial() {
    return Optional.ofNullable(srtpKeyingMaterial);
  }

  public String cipherSuite() {
    return cipherSuite;
  }

  /** One clear exception for a failed handshake or record layer. */
  public DtlsException explain(Throwable failure, boolean closedLocally) {
    DtlsException recorded = verificationFailure;
    if (recorded != null) {
      return recorded;
    }
    if (closedLocally) {
      return new DtlsException("DTLS transport closed before the handshake finished", failure);
    }
    if (failure instanceof TlsTimeoutException) {
      return new DtlsException(
          "DTLS handshake timed out after " + handshakeTimeoutMillis + " ms", failure);
    }
    short received = fatalAlertReceived;
    if (failure instanceof TlsFatalAlertReceived alert) {
      received = alert.getAlertDescription();
    }
    if (received >= 0) {
      return new DtlsException(
          "peer sent fatal alert " + AlertDescription.getText(received), failure);
    }
    if (failure instanceof TlsFatalAlert alert) {
      return new DtlsException(
          "DTLS failed with alert "
              + AlertDescription.getText(alert.getAlertDescription())
              + (alert.getMessage() != null ? ": " + alert.getMessage() : ""),
          failure);
    }
    return new DtlsException("DTLS failed: " + failure, failure);
  }
}
