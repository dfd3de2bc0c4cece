package dev.dynarecord.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The token buckets of {@link PartitionLimitClient}, one per key: each holds up to {@code burst}
 * tokens, refilled at {@code perSecond} tokens a second by the clock, a new key's bucket full; a
 * write takes one token or is refused. Buckets that have filled up again are forgotten once there
 * are many, so that writes spread over many keys do not grow the map for ever. Thread-safe.
 */
final class WriteBuckets {

    /** How many buckets there may be before the full ones are forgotten. */
    private static final int PRUNE_AT = 10_000;

    /** A token, in the units a bucket counts: a token a second is one unit a nanosecond. */
    private static final long TOKEN = 1_000_000_000L;

    private static final class Bucket {
        /** In units of 1/{@link #TOKEN} token. */
        long tokens;
        long at;

        Bucket(long tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final long perSecond;
    private final long full;
    /** The time that fills an empty bucket, in nanoseconds: more does not add, and would overflow. */
    private final long fillTime;
    private final LongSupplier clock;
    private final Map<Object, Bucket> buckets = new HashMap<>();
    private int pruneAt = PRUNE_AT;

    /**
     * @param perSecond tokens a second, at least 1
     * @param burst the most tokens a bucket holds, at least 1
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    WriteBuckets(int perSecond, int burst, LongSupplier clock) {
        this.perSecond = perSecond;
        this.full = burst * TOKEN;
        this.fillTime = full / perSecond + 1;
        this.clock = clock;
    }

    /**
     * @param key a key: equal keys share a bucket
     * @return whether the key's bucket had a token, now taken
     */
    synchronized boolean take(Object key) {
        Bucket b = refilled(key, clock.getAsLong());
        if (b.tokens < TOKEN) {
            return false;
        }
        b.tokens -= TOKEN;
        return true;
    }

    /**
     * Takes a token for every key, or none: a write of all the keys at once.
     *
     * @param keys the keys, a key as often as it is written
     * @return for each key, whether its bucket lacked the token; when any did, no token was taken
     */
    synchronized boolean[] takeAll(List<?> keys) {
        long now = clock.getAsLong();
        Map<Object, Long> wanted = new HashMap<>();
        keys.forEach(k -> wanted.merge(k, TOKEN, Long::sum));
        boolean[] lacking = new boolean[keys.size()];
        boolean any = false;
        for (int i = 0; i < keys.size(); i++) {
            lacking[i] = refilled(keys.get(i), now).tokens < wanted.get(keys.get(i));
            any |= lacking[i];
        }
        if (!any) {
            keys.forEach(k -> buckets.get(k).tokens -= TOKEN);
        }
        return lacking;
    }

    private Bucket refilled(Object key, long now) {
        Bucket b = buckets.get(key);
        if (b == null) {
            if (buckets.size() >= pruneAt) {
                buckets.values().removeIf(old -> filled(old, now) >= full);
                pruneAt = Math.max(PRUNE_AT, 2 * buckets.size());
            }
            b = new Bucket(full, now);
            buckets.put(key, b);
            return b;
        }
        b.tokens = filled(b, now);
        b.at = Math.max(b.at, now);
        return b;
    }

    /** @return the bucket's tokens at {@code now}; a clock that goes back adds none */
    private long filled(Bucket b, long now) {
        long elapsed = Math.min(fillTime, Math.max(0, now - b.at));
        return Math.min(full, b.tokens + elapsed * perSecond);
    }
}
