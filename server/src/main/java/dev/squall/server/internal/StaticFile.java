package dev.squall.server.internal;

import java.time.Instant;

/**
 * One file of the web app, ready to send.
 *
 * @param content the bytes
 * @param contentType the Content-Type header value
 * @param etag a strong entity tag, quotes included
 * @param lastModified the modification time (seconds precision is what HTTP keeps)
 */
public record StaticFile(byte[] content, String contentType, String etag, Instant lastModified) {}
