package dev.squall.server.internal;

import dev.squall.server.TlsSetupException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate chain and its private key read from PEM files, checked to belong together. Every
 * failure is a {@link TlsSetupException} whose message names the file and the problem.
 *
 * @param chain the certificates, leaf first
 * @param key the leaf's private key
 */
public record PemCredentials(List<X509Certificate> chain, PrivateKey key) {

  public PemCredentials {
    chain = List.copyOf(chain);
  }

  /** Reads and cross-checks {@code certFile} and {@code keyFile}. */
  public static PemCredentials load(Path certFile, Path keyFile) {
    List<X509Certificate> chain = readCertificates(certFile);
    PrivateKey key = readKey(keyFile);
    if (!matches(chain.get(0), key)) {
      throw new TlsSetupException(
          "TLS key " + keyFile + " does not belong to the certificate in " + certFile, null);
    }
    return new PemCredentials(chain, key);
  }

  private static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = new PEMParser(open(file, "certificate"))) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof X509CertificateHolder holder) {
          chain.add(converter.getCertificate(holder));
        }
      }
    } catch (TlsSetupException e) {
      throw e;
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new TlsSetupException(
          "TLS certificate " + file + " is not valid PEM: " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new TlsSetupException(
          "TLS certificate " + file + " holds no '-----BEGIN CERTIFICATE-----' block", null);
    }
    return chain;
  }

  private static PrivateKey readKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser parser = new PEMParser(open(file, "key"))) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new TlsSetupException(
              "TLS key " + file + " is encrypted; give an unencrypted PEM key", null);
        }
      }
    } catch (TlsSetupException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new TlsSetupException("TLS key " + file + " is not valid PEM: " + e.getMessage(), e);
    }
    throw new TlsSetupException(
        "TLS key " + file + " holds no '-----BEGIN ... PRIVATE KEY-----' block", null);
  }

  private static Reader open(Path file, String what) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new TlsSetupException(
          "TLS " + what + " file " + file + " does not exist or is not readable", null);
    }
    try {
      return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new TlsSetupException(
          "TLS " + what + " file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Signs a probe with the key and verifies it with the certificate's public key. */
  private static boolean matches(X509Certificate cert, PrivateKey key) {
    String alg =
        switch (key.getAlgorithm()) {
          case "EC", "ECDSA" -> "SHA256withECDSA";
          case "RSA" -> "SHA256withRSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (alg == null) {
      return true; // unknown algorithm: let the TLS stack judge it
    }
    try {
      byte[] probe = "squall-key-check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(alg);
      signer.initSign(key);
      signer.update(probe);
      byte[] sig = signer.sign();
      Signature verifier = Signature.getInstance(alg);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
