package dev.squall.bench.jmh;

import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunServerResult;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.IceControlling;
import dev.squall.stun.attribute.Priority;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.UseCandidate;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The STUN codec's hot paths: decoding a plain Binding request, encoding the success response the
 * server sends, the whole sans-I/O Binding server step, and decoding plus verifying an ICE
 * connectivity check (MESSAGE-INTEGRITY and FINGERPRINT). Run with {@code bench/run.sh jmh}; add
 * {@code -prof gc} to see bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StunCodecBenchmark {
  private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.7", 54321);
  private static final byte[] ICE_KEY = StunCredentials.shortTermKey("pLyQaJ7r4vU2ZTbLwQm1NvEi");

  private byte[] bindingRequest;
  private byte[] iceCheck;
  private TransactionId transactionId;
  private StunBindingServer server;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    transactionId = TransactionId.random(random);
    bindingRequest =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, transactionId).build().encode();
    iceCheck =
        StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random(random))
            .add(new Username("Xq7f:bN2k"))
            .add(new Priority(1853824767L))
            .add(new IceControlling(0x1234_5678_9ABC_DEF0L))
            .add(new UseCandidate())
            .addMessageIntegrity(ICE_KEY)
            .addFingerprint()
            .build()
            .encode();
    server = new StunBindingServer();
  }

  /** Decodes a 20-byte Binding request (no attributes). */
  @Benchmark
  public StunMessage decodeBindingRequest() throws StunException {
    return StunMessage.decode(bindingRequest, 0, bindingRequest.length);
  }

  /** Builds and encodes a success response: XOR-MAPPED-ADDRESS, SOFTWARE, FINGERPRINT. */
  @Benchmark
  public byte[] encodeBindingSuccess() {
    return StunMessage.builder(StunMessageType.BINDING_SUCCESS, transactionId)
        .add(new XorMappedAddress(SOURCE))
        .add(new Software(StunBindingServer.DEFAULT_SOFTWARE))
        .addFingerprint()
        .build()
        .encode();
  }

  /** One request in, one response out: what the server's UDP path runs per packet. */
  @Benchmark
  public StunServerResult bindingServerHandle() {
    return server.handle(bindingRequest, 0, bindingRequest.length, SOURCE);
  }

  /** Decodes an ICE check and verifies its MESSAGE-INTEGRITY and FINGERPRINT. */
  @Benchmark
  public boolean decodeAndVerifyIceCheck() throws StunException {
    StunMessage m = StunMessage.decode(iceCheck, 0, iceCheck.length);
    return m.verifyMessageIntegrity(ICE_KEY) & m.verifyFingerprint();
  }
}
