package dev.squall.sctp.internal;

import dev.squall.sctp.CloseReason;
import dev.squall.sctp.SctpException;
import dev.squall.sctp.SctpState;
import dev.squall.sctp.chunk.ChunkType;
import dev.squall.sctp.chunk.CookieAckChunk;
import dev.squall.sctp.chunk.CookieEchoChunk;
import dev.squall.sctp.chunk.ErrorCause;
import dev.squall.sctp.chunk.ErrorChunk;
import dev.squall.sctp.chunk.ForwardTsnSupportedParam;
import dev.squall.sctp.chunk.InitAckChunk;
import dev.squall.sctp.chunk.InitChunk;
import dev.squall.sctp.chunk.Param;
import dev.squall.sctp.chunk.RawParam;
import dev.squall.sctp.chunk.StateCookieParam;
import dev.squall.sctp.chunk.SupportedExtensionsParam;
import dev.squall.sctp.chunk.UnrecognizedParam;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four-way handshake (RFC 9260 §5.1–5.2): INIT and INIT-ACK with a stateless cookie,
 * COOKIE-ECHO and COOKIE-ACK, the T1-init and T1-cookie timers with RTO back-off and
 * Max.Init.Retransmits, and simultaneous INITs (§5.2.1), which WebRTC causes since both ends
 * connect. Each end keeps one verification tag and initial TSN for its whole life, so crossing
 * INITs converge on the same pair of tags. Restart of an established association (§5.2.4 A) is not
 * supported: such cookies are ignored.
 */
final class Handshake {

  private static final Logger log = LoggerFactory.getLogger(Handshake.class);

  private final Context ctx;
  private final StateCookie cookies;
  private final ProtocolTimer t1Init;
  private final ProtocolTimer t1Cookie;
  private int retransmits;
  private byte[] cookieToEcho;
  private long peerRwnd;

  Handshake(Context ctx) {
    this.ctx = ctx;
    byte[] secret = new byte[32];
    ctx.random.nextBytes(secret);
    this.cookies = new StateCookie(secret);
    this.t1Init = new ProtocolTimer(ctx.scheduler, "T1-init", this::onT1Init);
    this.t1Cookie = new ProtocolTimer(ctx.scheduler, "T1-cookie", this::onT1Cookie);
  }

  void stop() {
    t1Init.stop();
    t1Cookie.stop();
  }

  /** Active open: sends INIT and enters COOKIE-WAIT. */
  void connect() {
    ctx.state = SctpState.COOKIE_WAIT;
    retransmits = 0;
    sendInit();
    t1Init.restart(ctx.rto.rto());
  }

  private List<Param> ourParams() {
    return List.of(
        new ForwardTsnSupportedParam(),
        new SupportedExtensionsParam(List.of(ChunkType.RE_CONFIG, ChunkType.FORWARD_TSN)));
  }

  private void sendInit() {
    ctx.sendAlone(
        0,
        new InitChunk(
            ctx.myTag,
            ctx.config.receiveWindow(),
            ctx.config.outboundStreams(),
            ctx.config.inboundStreams(),
            ctx.myInitialTsn,
            ourParams()));
  }

  private void onT1Init() {
    if (ctx.state != SctpState.COOKIE_WAIT) {
      return;
    }
    if (++retransmits > ctx.config.maxInitRetransmits()) {
      fail("T1-init");
      return;
    }
    ctx.rto.backOff();
    sendInit();
    t1Init.restart(ctx.rto.rto());
  }

  private void onT1Cookie() {
    if (ctx.state != SctpState.COOKIE_ECHOED) {
      return;
    }
    if (++retransmits > ctx.config.maxInitRetransmits()) {
      fail("T1-cookie");
      return;
    }
    ctx.rto.backOff();
    ctx.queueControl(new CookieEchoChunk(cookieToEcho));
    t1Cookie.restart(ctx.rto.rto());
    ctx.host().flush();
  }

  private void fail(String timer) {
    ctx.host()
        .close(
            new CloseReason(
                CloseReason.Kind.TIMEOUT,
                timer
                    + ": no answer after "
                    + ctx.config.maxInitRetransmits()
                    + " retransmissions"),
            false);
  }

  /** INIT in any state: answer with INIT-ACK and a cookie, keeping no state (§5.1, §5.2.1). */
  void onInit(InitChunk init) {
    List<Param> ackParams = new ArrayList<>(ourParams());
    boolean forwardTsn = false;
    boolean reconfig = false;
    for (Param p : init.params()) {
      if (p instanceof ForwardTsnSupportedParam) {
        forwardTsn = true;
      } else if (p instanceof SupportedExtensionsParam ext) {
        forwardTsn |= ext.chunkTypes().contains(ChunkType.FORWARD_TSN);
        reconfig |= ext.chunkTypes().contains(ChunkType.RE_CONFIG);
      } else if (p instanceof RawParam raw) {
        if (raw.report()) {
          ByteWriter w = new ByteWriter();
          raw.encode(w);
          ackParams.add(new UnrecognizedParam(w.toByteArray()));
        }
        if (raw.stopProcessing()) {
          break;
        }
      }
    }
    byte[] cookie =
        cookies.create(
            new StateCookie.Contents(
                ctx.now(),
                ctx.myTag,
                init.initiateTag(),
                ctx.myInitialTsn,
                init.initialTsn(),
                init.aRwnd(),
                init.outboundStreams(),
                init.inboundStreams(),
                forwardTsn,
                reconfig));
    ackParams.add(0, new StateCookieParam(cookie));
    ctx.sendAlone(
        init.initiateTag(),
        new InitAckChunk(
            ctx.myTag,
            ctx.config.receiveWindow(),
            ctx.config.outboundStreams(),
            ctx.config.inboundStreams(),
            ctx.myInitialTsn,
            ackParams));
  }

  /** INIT-ACK: in COOKIE-WAIT, echo the cookie; otherwise discard (§5.2.3). */
  void onInitAck(InitAckChunk ack) {
    if (ctx.state != SctpState.COOKIE_WAIT) {
      return;
    }
    StateCookieParam cookie = ack.param(StateCookieParam.class).orElse(null);
    if (cookie == null) {
      log.debug("INIT-ACK without a state cookie dropped");
      return;
    }
    boolean forwardTsn = ack.param(ForwardTsnSupportedParam.class).isPresent();
    boolean reconfig = false;
    for (SupportedExtensionsParam ext :
        ack.params().stream()
            .filter(SupportedExtensionsParam.class::isInstance)
            .map(SupportedExtensionsParam.class::cast)
            .toList()) {
      forwardTsn |= ext.chunkTypes().contains(ChunkType.FORWARD_TSN);
      reconfig |= ext.chunkTypes().contains(ChunkType.RE_CONFIG);
    }
    adopt(
        ack.initiateTag(),
        ack.initialTsn(),
        ack.outboundStreams(),
        ack.inboundStreams(),
        forwardTsn,
        reconfig);
    peerRwnd = ack.aRwnd();
    cookieToEcho = cookie.cookie();
    t1Init.stop();
    ctx.state = SctpState.COOKIE_ECHOED;
    retransmits = 0;
    ctx.queueControl(new CookieEchoChunk(cookieToEcho));
    t1Cookie.restart(ctx.rto.rto());
  }

  private void adopt(
      int tag, int initialTsn, int peerOut, int peerIn, boolean forwardTsn, boolean reconfig) {
    ctx.peerTag = tag;
    ctx.peerInitialTsn = initialTsn;
    ctx.outboundStreams = Math.min(ctx.config.outboundStreams(), peerIn);
    ctx.inboundStreams = Math.min(ctx.config.inboundStreams(), peerOut);
    ctx.peerForwardTsn = forwardTsn;
    ctx.peerReconfig = reconfig;
  }

  /** COOKIE-ECHO: validate, establish if not yet, and answer COOKIE-ACK (§5.1 D, §5.2.4). */
  void onCookieEcho(CookieEchoChunk echo) {
    StateCookie.Contents c;
    try {
      c = cookies.open(echo.cookie());
    } catch (SctpException e) {
      log.debug("invalid cookie dropped: {}", e.getMessage());
      return;
    }
    if (c.myTag() != ctx.myTag || c.myInitialTsn() != ctx.myInitialTsn) {
      return;
    }
    long age = ctx.now() - c.createdAt();
    if (age > ctx.config.cookieLifetime().toNanos()) {
      long staleMicros = (age - ctx.config.cookieLifetime().toNanos()) / 1000;
      byte[] info = new byte[4];
      for (int i = 0; i < 4; i++) {
        info[i] = (byte) (Math.min(staleMicros, 0xFFFF_FFFFL) >>> (24 - 8 * i));
      }
      ctx.sendAlone(
          c.peerTag(), new ErrorChunk(List.of(new ErrorCause(ErrorCause.STALE_COOKIE, info))));
      return;
    }
    switch (ctx.state) {
      case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> {
        adopt(
            c.peerTag(),
            c.peerInitialTsn(),
            c.peerOutbound(),
            c.peerInbound(),
            c.forwardTsn(),
            c.reconfig());
        stop();
        ctx.queueControl(new CookieAckChunk());
        ctx.host().established(c.peerRwnd());
      }
      default -> {
        if (c.peerTag() == ctx.peerTag) {
          ctx.queueControl(new CookieAckChunk()); // our COOKIE-ACK was lost
        } else {
          log.debug("cookie for a restarted peer ignored (restart unsupported)");
        }
      }
    }
  }

  /** COOKIE-ACK in COOKIE-ECHOED: established (§5.1 E). */
  void onCookieAck() {
    if (ctx.state == SctpState.COOKIE_ECHOED) {
      stop();
      ctx.host().established(peerRwnd);
    }
  }

  /** ERROR with Stale Cookie in COOKIE-ECHOED: start over with a new INIT (§5.2.6). */
  void onStaleCookie() {
    if (ctx.state == SctpState.COOKIE_ECHOED) {
      t1Cookie.stop();
      connect();
    }
  }
}
