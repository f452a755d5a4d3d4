package dev.squall.turn.server.internal;

/**
 * A request's verified long-term credential: the user name, the user the quotas count (the user
 * part of a REST name), the key, and which integrity attribute the request used (so the response
 * uses the same).
 *
 * @param username the USERNAME as sent
 * @param quotaUser the identity allocation quotas count
 * @param key the long-term key (RFC 8489 §9.2.2)
 * @param sha256 true when the request carried MESSAGE-INTEGRITY-SHA256 (and no MESSAGE-INTEGRITY)
 */
public record Credential(String username, String quotaUser, byte[] key, boolean sha256) {}
