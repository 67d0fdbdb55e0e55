package com.redpacket.platform.idempotency;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.jdbc.SqlTime;
import com.redpacket.platform.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * API.md "Retries are safe": the one {@code Idempotency-Key} mechanism. The first request with a key reserves it
 * together with the id of the resource it will create; the work runs with that id, so a retry after a crash repeats
 * the same work on the same id (and everything downstream is idempotent by that id). A repeat with the same body
 * gets the stored answer; concurrent duplicates wait for it; a different body is 409 IDEMPOTENCY_KEY_REUSED.
 * <p>Call it outside any transaction: the reservation must be visible to concurrent requests before the work starts.
 */
public class IdempotentRequests {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final IdempotencyProperties props;

    public IdempotentRequests(JdbcClient jdbc, JsonMapper json, IdempotencyProperties props) {
        this.jdbc = jdbc;
        this.json = json;
        this.props = props;
    }

    /**
     * Runs {@code work} once per (scope, key).
     *
     * @param scope      who and what the key belongs to, e.g. {@code "POST /api/packets:user:42"}
     * @param key        the client's header value, or null for a request that is not deduplicated
     * @param request    the parsed request body; its canonical JSON is the fingerprint compared on repeats
     * @param newId      the id to give the resource if this is the first request with the key
     * @param work       does the work for a resource id and returns the answer body
     * @param answerType the answer's class, to read a stored answer back
     */
    public <T> T execute(String scope, String key, Object request, long newId, LongFunction<T> work, Class<T> answerType) {
        if (key == null) {
            return work.apply(newId);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid("Idempotency-Key", "must be 1-64 visible ASCII characters");
        }
        String fingerprint = fingerprint(request);
        long deadline = System.nanoTime() + props.maxWait().toNanos();
        while (true) {
            if (reserve(scope, key, fingerprint, newId)) {
                return runAndRecord(scope, key, newId, work);
            }
            Record existing = find(scope, key).orElse(null);
            if (existing == null) {
                continue;
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different request body");
            }
            if (existing.answer() != null) {
                return json.readValue(existing.answer(), answerType);
            }
            if (existing.leaseExpired(props) && takeOver(scope, key, existing.updatedAt())) {
                return runAndRecord(scope, key, existing.resourceId(), work);
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                        "The first request with this Idempotency-Key is still running; retry shortly",
                        java.util.List.of(), Map.of("retryAfterSeconds", 1));
            }
            sleep();
        }
    }

    private <T> T runAndRecord(String scope, String key, long resourceId, LongFunction<T> work) {
        T answer;
        try {
            answer = work.apply(resourceId);
        } catch (ApiException e) {
            if (e.code().status() < 500) {
                // nothing was done (the work validates before it moves anything): free the key for a corrected retry
                release(scope, key);
            } else {
                expireLease(scope, key);
            }
            throw e;
        } catch (RuntimeException e) {
            expireLease(scope, key);
            throw e;
        }
        jdbc.sql("""
                        UPDATE idempotency_record SET answer = :answer, updated_at = :now
                        WHERE scope = :scope AND idem_key = :key""")
                .param("answer", json.writeValueAsString(answer))
                .param("now", now())
                .param("scope", scope)
                .param("key", key)
                .update();
        return answer;
    }

    private boolean reserve(String scope, String key, String fingerprint, long resourceId) {
        try {
            jdbc.sql("""
                            INSERT INTO idempotency_record (scope, idem_key, fingerprint, resource_id, created_at, updated_at)
                            VALUES (:scope, :key, :fp, :rid, :now, :now)""")
                    .param("scope", scope)
                    .param("key", key)
                    .param("fp", fingerprint)
                    .param("rid", resourceId)
                    .param("now", now())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private Optional<Record> find(String scope, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, resource_id, answer, updated_at FROM idempotency_record
                        WHERE scope = :scope AND idem_key = :key""")
                .param("scope", scope)
                .param("key", key)
                .query((rs, i) -> new Record(rs.getString(1), rs.getLong(2), rs.getString(3),
                        SqlTime.read(rs, "updated_at")))
                .optional();
    }

    /**
     * Takes over an expired lease if nobody did since {@code seenUpdatedAt} was read: a compare-and-set on
     * {@code updated_at}, which matches only because the stored value and the compared one are both SqlTime literals
     * (microseconds kept on either side).
     */
    private boolean takeOver(String scope, String key, Instant seenUpdatedAt) {
        return jdbc.sql("""
                        UPDATE idempotency_record SET updated_at = :now
                        WHERE scope = :scope AND idem_key = :key AND answer IS NULL AND updated_at = :seen""")
                .param("now", now())
                .param("scope", scope)
                .param("key", key)
                .param("seen", SqlTime.literal(seenUpdatedAt))
                .update() == 1;
    }

    private void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE scope = :scope AND idem_key = :key AND answer IS NULL")
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    /** The work failed midway: let the next retry take over at once, on the same resource id. */
    private void expireLease(String scope, String key) {
        jdbc.sql("UPDATE idempotency_record SET updated_at = :epoch WHERE scope = :scope AND idem_key = :key AND answer IS NULL")
                .param("epoch", SqlTime.literal(Instant.EPOCH.plusSeconds(86_400)))
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    @Scheduled(fixedDelayString = "${redpacket.idempotency.cleanup-interval:PT10M}")
    public void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_record WHERE created_at < :cutoff LIMIT 10000")
                .param("cutoff", SqlTime.literal(Instant.now().minus(props.retention())))
                .update();
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String now() {
        return SqlTime.literal(Instant.now());
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "Interrupted while waiting for the first request");
        }
    }

    private record Record(String fingerprint, long resourceId, String answer, Instant updatedAt) {
        boolean leaseExpired(IdempotencyProperties props) {
            return updatedAt.plus(props.lease()).isBefore(Instant.now());
        }
    }
}
