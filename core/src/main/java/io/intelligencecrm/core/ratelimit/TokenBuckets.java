package io.intelligencecrm.core.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;

/**
 * Token buckets kept in PostgreSQL, so every app node draws from the same bucket. One statement
 * refills a bucket for the time since its last use (by the database's clock, so nodes' clocks
 * never matter) and takes a token if there is one; the row lock serialises concurrent takes.
 * Thread-safe.
 */
public final class TokenBuckets {
    private static final String TAKE = """
            insert into rate_limit_buckets as b (key, tokens, consumed, updated_at)
            values (:key, :capacity - 1, true, now())
            on conflict (key) do update set
                tokens = case when %1$s >= 1 then %1$s - 1 else %1$s end,
                consumed = %1$s >= 1,
                updated_at = greatest(b.updated_at, now())
            returning tokens, consumed""".formatted("""
            least(:capacity, b.tokens + greatest(0, extract(epoch from now() - b.updated_at)::float8) * :perSecond)""");

    private final Jdbi jdbi;

    public TokenBuckets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Takes one token from the bucket named {@code key}: {@code perMinute} tokens, refilled evenly over a minute. */
    public Take take(String key, int perMinute) {
        double perSecond = perMinute / 60.0;
        return jdbi.withHandle(handle -> handle.createQuery(TAKE)
                .bind("key", hashed(key)).bind("capacity", (double) perMinute).bind("perSecond", perSecond)
                .map((row, ctx) -> {
                    double tokens = row.getDouble("tokens");
                    boolean consumed = row.getBoolean("consumed");
                    long wait = consumed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
                    return new Take(consumed, wait);
                }).one());
    }

    /**
     * Deletes buckets idle for longer than {@code idle}: a bucket idle for a full refill period is
     * full, the same as no row. Idempotent, so any node may run it at any time.
     */
    public int forgetIdle(Duration idle) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "delete from rate_limit_buckets where updated_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) idle.toSeconds()).execute());
    }

    private static String hashed(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether a token was taken, and if not, the whole seconds until one is back. */
    public record Take(boolean consumed, long secondsToWait) {
    }
}
