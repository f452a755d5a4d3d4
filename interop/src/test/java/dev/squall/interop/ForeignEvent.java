package dev.squall.interop;

import java.util.Map;
import java.util.Objects;

/**
 * One thing a foreign peer reports: its {@code kind} ({@code joined}, {@code state}, {@code
 * channel}, {@code open}, {@code text}, {@code binary}, {@code sink}, {@code sent}, {@code closed},
 * {@code error}), the channel label it concerns (or null) and its other fields (see {@code
 * interop/node/peer.mjs} for the list).
 */
public record ForeignEvent(String kind, String label, Map<String, Object> fields) {

  public ForeignEvent {
    Objects.requireNonNull(kind, "kind");
    fields = Map.copyOf(fields);
  }

  public boolean is(String kind, String label) {
    return this.kind.equals(kind) && Objects.equals(this.label, label);
  }

  public String string(String key) {
    Object v = fields.get(key);
    return v == null ? null : v.toString();
  }

  public long number(String key) {
    Object v = fields.get(key);
    if (!(v instanceof Number n)) {
      throw new AssertionError("event " + this + " has no number " + key);
    }
    return n.longValue();
  }
}
