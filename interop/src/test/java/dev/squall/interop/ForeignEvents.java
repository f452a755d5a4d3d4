package dev.squall.interop;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Everything a foreign peer has reported so far, in order, with bounded waits for an event. Any
 * thread may add and read.
 */
public final class ForeignEvents {

  private final List<ForeignEvent> events = new CopyOnWriteArrayList<>();
  private final List<Thread> waiters = new CopyOnWriteArrayList<>();

  public void add(ForeignEvent event) {
    events.add(event);
    waiters.forEach(LockSupport::unpark);
  }

  public List<ForeignEvent> all() {
    return List.copyOf(events);
  }

  public List<ForeignEvent> matching(Predicate<ForeignEvent> filter) {
    return events.stream().filter(filter).collect(Collectors.toList());
  }

  public Optional<ForeignEvent> first(String kind, String label) {
    return events.stream().filter(e -> e.is(kind, label)).findFirst();
  }

  /** The first event of {@code kind} for {@code label}, waiting up to {@code timeout}. */
  public ForeignEvent await(String kind, String label, Duration timeout) {
    return await(e -> e.is(kind, label), kind + " " + label, timeout);
  }

  /**
   * The first event matching {@code filter}, waiting up to {@code timeout}.
   *
   * @throws AssertionError on timeout, or as soon as the peer reports an error
   */
  public ForeignEvent await(Predicate<ForeignEvent> filter, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Thread me = Thread.currentThread();
    waiters.add(me);
    try {
      while (true) {
        for (ForeignEvent e : events) {
          if (e.kind().equals("error")) {
            throw new AssertionError("foreign peer reported " + e + " while waiting for " + what);
          }
          if (filter.test(e)) {
            return e;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no " + what + " within " + timeout + "; events so far: " + summary());
        }
        LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    } finally {
      waiters.remove(me);
    }
  }

  /** The last 20 events, for failure messages. */
  public String summary() {
    List<ForeignEvent> copy = all();
    return copy.subList(Math.max(0, copy.size() - 20), copy.size()).toString();
  }
}
