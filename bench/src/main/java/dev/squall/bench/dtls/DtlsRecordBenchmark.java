package dev.squall.bench.dtls;

import dev.squall.dtls.CryptoProvider;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsConfig;
import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.internal.BlockingHandshake;
import dev.squall.dtls.internal.HandshakeSupport;
import dev.squall.dtls.internal.PreparedCrypto;
import dev.squall.dtls.internal.QueueDatagramTransport;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DTLS record throughput per BouncyCastle crypto provider: one operation encrypts a 1100-byte
 * application-data record on the client's record layer and decrypts it on the server's (AES-128-GCM
 * after a real ECDHE-ECDSA handshake between the two, wired through the same queue adapter {@code
 * DtlsTransport} uses). Throughput in MB/s = ops/s × 1100 / 10^6. Run with {@code bench/run.sh jmh
 * DtlsRecordBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DtlsRecordBenchmark {

  /** Application-data bytes per record, what an SCTP packet of a busy DataChannel carries. */
  public static final int RECORD_SIZE = 1100;

  @Param({"JCA", "BC"})
  public CryptoProvider provider;

  private DTLSTransport client;
  private DTLSTransport server;
  private QueueDatagramTransport clientPath;
  private QueueDatagramTransport serverPath;
  private final byte[] payload = new byte[RECORD_SIZE];
  private byte[] receiveBuffer;

  @Setup(Level.Trial)
  public void handshake() throws Exception {
    DtlsCertificate clientCert = DtlsCertificate.generate();
    DtlsCertificate serverCert = DtlsCertificate.generate();
    DtlsConfig config = DtlsConfig.defaults().withCrypto(provider);
    QueueDatagramTransport[] paths = new QueueDatagramTransport[2];
    paths[0] =
        new QueueDatagramTransport(
            4096, 1200, 2048, (b, o, l) -> paths[1].offer(Arrays.copyOfRange(b, o, o + l)));
    paths[1] =
        new QueueDatagramTransport(
            4096, 1200, 2048, (b, o, l) -> paths[0].offer(Arrays.copyOfRange(b, o, o + l)));
    clientPath = paths[0];
    serverPath = paths[1];
    CompletableFuture<DTLSTransport> accepted =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return handshake(DtlsRole.SERVER, serverPath, serverCert, clientCert, config);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    client = handshake(DtlsRole.CLIENT, clientPath, clientCert, serverCert, config);
    server = accepted.get(30, TimeUnit.SECONDS);
    clientPath.nonBlocking();
    serverPath.nonBlocking();
    receiveBuffer = new byte[server.getReceiveLimit()];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
  }

  /** A blocking handshake on {@code path} with fresh crypto, its time limit counting from now. */
  private static DTLSTransport handshake(
      DtlsRole role,
      QueueDatagramTransport path,
      DtlsCertificate own,
      DtlsCertificate remote,
      DtlsConfig config)
      throws IOException {
    path.started(System.nanoTime(), config.handshakeTimeout().toNanos());
    return BlockingHandshake.run(
        role,
        path,
        support(role, own, remote, config),
        PreparedCrypto.create(config.crypto(), own),
        config);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    client.close();
    server.close();
  }

  /** Encrypts one record on the client and decrypts it on the server. */
  @Benchmark
  public int encryptAndDecrypt() throws IOException {
    client.send(payload, 0, payload.length);
    int n = server.receive(receiveBuffer, 0, receiveBuffer.length, 1);
    if (n != RECORD_SIZE) {
      throw new IllegalStateException("record lost: " + n);
    }
    return n;
  }

  private static HandshakeSupport support(
      DtlsRole role, DtlsCertificate local, DtlsCertificate remote, DtlsConfig config) {
    return new HandshakeSupport(
        role, local, remote.fingerprint(), List.of(), config.handshakeTimeout().toMillis());
  }
}
