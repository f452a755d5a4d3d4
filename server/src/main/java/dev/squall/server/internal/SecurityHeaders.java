package dev.squall.server.internal;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Adds the security headers every response carries: no MIME sniffing, no framing, no referrer, a
 * Content-Security-Policy that allows only the server's own scripts, styles and WebSocket (plus
 * inline styles, data:/blob: images and media streams), and a Permissions-Policy that allows
 * camera, microphone and screen capture for this origin only. HSTS is sent on TLS only.
 */
public final class SecurityHeaders {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; media-src 'self' blob: mediastream:; "
          + "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'; form-action 'self'";

  private SecurityHeaders() {}

  public static void apply(HttpHeaders headers, boolean tls) {
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
    headers.set("Cross-Origin-Resource-Policy", "same-origin");
    headers.set("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self)");
    if (!headers.contains("Content-Security-Policy")) {
      headers.set("Content-Security-Policy", CSP);
    }
    if (tls) {
      headers.set("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
