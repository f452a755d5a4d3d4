package dev.squall.sctp.chunk;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of every chunk type, with valid field ranges. */
final class ChunkArbitraries {
  private ChunkArbitraries() {}

  static Arbitrary<byte[]> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
  }

  static Arbitrary<Integer> u16() {
    return Arbitraries.integers().between(0, 0xFFFF);
  }

  static Arbitrary<Integer> i32() {
    return Arbitraries.integers();
  }

  static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
  }

  static Arbitrary<Param> param() {
    return Arbitraries.oneOf(
        bytes(0, 40).map(StateCookieParam::new),
        bytes(0, 20).map(UnrecognizedParam::new),
        Arbitraries.just(new ForwardTsnSupportedParam()),
        Arbitraries.integers()
            .between(0, 255)
            .list()
            .ofMaxSize(6)
            .map(SupportedExtensionsParam::new),
        Combinators.combine(i32(), i32(), i32(), u16().list().ofMaxSize(5))
            .as(OutgoingSsnResetRequestParam::new),
        Combinators.combine(i32(), Arbitraries.integers().between(0, 6))
            .as(ReconfigResponseParam::new),
        Combinators.combine(
                Arbitraries.integers()
                    .between(0, 0xFFFF)
                    .filter(t -> t != 7 && t != 8 && t != 13 && t != 16)
                    .filter(t -> t != 0x8008 && t != 0xC000),
                bytes(0, 20))
            .as(RawParam::new));
  }

  static Arbitrary<ErrorCause> cause() {
    return Combinators.combine(u16(), bytes(0, 20)).as(ErrorCause::new);
  }

  static Arbitrary<Chunk> chunk() {
    Arbitrary<Integer> streams = Arbitraries.integers().between(1, 0xFFFF);
    return Arbitraries.oneOf(
        List.of(
            Combinators.combine(
                    Arbitraries.integers().between(0, 15), i32(), u16(), u16(), i32(), bytes(1, 60))
                .as(
                    (f, tsn, s, ssn, ppid, data) ->
                        new DataChunk(
                            (f & 8) != 0,
                            (f & 4) != 0,
                            (f & 2) != 0,
                            (f & 1) != 0,
                            tsn,
                            s,
                            ssn,
                            ppid,
                            data)),
            Combinators.combine(
                    i32().filter(t -> t != 0),
                    u32(),
                    streams,
                    streams,
                    i32(),
                    param().list().ofMaxSize(4))
                .as(InitChunk::new),
            Combinators.combine(
                    i32().filter(t -> t != 0),
                    u32(),
                    streams,
                    streams,
                    i32(),
                    param().list().ofMaxSize(4))
                .as(InitAckChunk::new),
            Combinators.combine(
                    i32(),
                    u32(),
                    Combinators.combine(u16(), u16())
                        .as(SackChunk.GapBlock::new)
                        .list()
                        .ofMaxSize(8),
                    i32().list().ofMaxSize(8))
                .as(SackChunk::new),
            bytes(0, 40).map(HeartbeatChunk::new),
            bytes(0, 40).map(HeartbeatAckChunk::new),
            Combinators.combine(Arbitraries.of(true, false), cause().list().ofMaxSize(3))
                .as(AbortChunk::new),
            i32().map(ShutdownChunk::new),
            Arbitraries.just(new ShutdownAckChunk()),
            cause().list().ofMaxSize(3).map(ErrorChunk::new),
            bytes(0, 60).map(CookieEchoChunk::new),
            Arbitraries.just(new CookieAckChunk()),
            Arbitraries.of(true, false).map(ShutdownCompleteChunk::new),
            Combinators.combine(
                    i32(),
                    Combinators.combine(u16(), u16())
                        .as(ForwardTsnChunk.StreamSsn::new)
                        .list()
                        .ofMaxSize(5))
                .as(ForwardTsnChunk::new),
            param()
                .filter(
                    p ->
                        p instanceof OutgoingSsnResetRequestParam
                            || p instanceof ReconfigResponseParam)
                .list()
                .ofMinSize(1)
                .ofMaxSize(2)
                .map(ReConfigChunk::new),
            Combinators.combine(
                    Arbitraries.integers()
                        .between(0, 255)
                        .filter(t -> t > 14 && t != 130 && t != 192),
                    Arbitraries.integers().between(0, 255),
                    bytes(0, 30))
                .as(UnknownChunk::new)));
  }
}
