package se.motesdagen.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled evenly over {@code period}.
 * In memory and per instance, which is enough to stop a script hammering one form; limits across
 * replicas belong in the ingress. Idle buckets are dropped so the map cannot grow without bound.
 */
public final class RateLimiter {

    private final int capacity;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration period, Clock clock) {
        this.capacity = capacity;
        this.period = period;
        this.clock = clock;
    }

    /** Takes one token for this client; empty when allowed, otherwise how long to wait. */
    public Decision tryAcquire(String client) {
        Instant now = clock.instant();
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
    }

    /** Whether this client has no token left now, without taking one. */
    public boolean isExhausted(String client) {
        Bucket bucket = buckets.get(client);
        return bucket != null && bucket.isEmpty(clock.instant());
    }

    public sealed interface Decision {
        record Allowed() implements Decision {}

        record Refused(Duration retryAfter) implements Decision {}
    }

    private final class Bucket {

        private double tokens = capacity;
        private Instant updated;

        Bucket(Instant now) {
            this.updated = now;
        }

        synchronized Decision take(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision.Allowed();
            }
            double missing = 1 - tokens;
            long waitMillis = (long) Math.ceil(missing * period.toMillis() / capacity);
            return new Decision.Refused(Duration.ofMillis(waitMillis));
        }

        synchronized boolean isEmpty(Instant now) {
            refill(now);
            return tokens < 1;
        }

        synchronized boolean isFull(Instant now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(Instant now) {
            long elapsed = Duration.between(updated, now).toMillis();
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + (double) elapsed * capacity / period.toMillis());
                updated = now;
            }
        }
    }
}
