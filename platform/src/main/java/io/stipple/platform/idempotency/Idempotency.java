package io.stipple.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creating POSTs, as payment APIs do it. The first response is stored with
 * the effect, in the same transaction, and replayed byte for byte for a retry. The same key with a
 * different body is 422; a retry while the first request is still running is 409. Keys are scoped to
 * the caller (subject and clinic) and the operation.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @Inject
    IdempotencyConfig config;

    @Inject
    Clock clock;

    /**
     * Runs {@code work} once per key. Without a key it simply runs it.
     *
     * @param key       the {@code Idempotency-Key} header, or null
     * @param operation names what is created, e.g. {@code "POST /api/v1/bookings"}
     * @param request   the parsed request body (its canonical JSON identifies "the same request")
     * @param work      does the creation in the caller's transaction and returns the response
     */
    public Response execute(String key, String operation, Object request, Supplier<Response> work) {
        if (key == null || caller.clinicIdIfPresent().isEmpty()) {
            // a caller without a clinic creates nothing (the work itself refuses it): no key to keep
            return asBytes(work.get());
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String scope = scope(operation);
        String hash = hash(request);
        Instant now = Instant.now(clock);
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> claim(scope, key, hash, now));
        if (!claimed) {
            Stored stored = QuarkusTransaction.requiringNew().call(() -> find(scope, key));
            if (stored == null) {
                throw new ProblemException(409, "idempotency-key-in-use", "Request in progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly")
                        .header("Retry-After", "1");
            }
            if (!stored.requestHash.equals(hash)) {
                throw ProblemException.unprocessable("idempotency-key-reused",
                        "This Idempotency-Key was used for a different request body");
            }
            if (stored.status == null) {
                if (stored.createdAt.plus(config.abandonedAfter()).isAfter(now)) {
                    throw new ProblemException(409, "idempotency-key-in-use", "Request in progress",
                            "A request with this Idempotency-Key is still being processed; retry shortly")
                            .header("Retry-After", "1");
                }
                // the first attempt's instance died before finishing: take the key over
                QuarkusTransaction.requiringNew().run(() -> release(scope, key));
                return execute(key, operation, request, work);
            }
            return replay(stored);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = asBytes(work.get());
                complete(scope, key, response);
                return response;
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> release(scope, key));
            throw e;
        }
    }

    private String scope(String operation) {
        String subject = caller.authenticated() ? caller.subject() : "anonymous";
        if (subject.length() > 100) {
            // an IdP's subject can be long; the scope column is not: keep a digest of it
            subject = "sha256:" + sha256Hex(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String clinic = caller.clinicIdIfPresent().map(UUID::toString).orElse("-");
        return clinic + "|" + subject + "|" + operation;
    }

    private boolean claim(String scope, String key, String hash, Instant now) {
        return em.createNativeQuery("""
                        insert into idempotency_record (scope, idem_key, request_hash, created_at, clinic_id)
                        values (:scope, :key, :hash, :now, :clinic) on conflict do nothing""")
                .setParameter("clinic", caller.clinicIdIfPresent().orElseThrow())
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    private Stored find(String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, created_at, status, content_type, location, etag, body
                        from idempotency_record where scope = :scope and idem_key = :key""")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Stored((String) r[0], toInstant(r[1]), r[2] == null ? null : ((Number) r[2]).intValue(),
                (String) r[3], (String) r[4], (String) r[5], (byte[]) r[6]);
    }

    private void complete(String scope, String key, Response response) {
        em.createNativeQuery("""
                        update idempotency_record set completed_at = :now, status = :status, content_type = :type,
                            location = :location, etag = :etag, body = :body
                        where scope = :scope and idem_key = :key""")
                .setParameter("now", Instant.now(clock))
                .setParameter("status", response.getStatus())
                .setParameter("type", response.getHeaderString(HttpHeaders.CONTENT_TYPE))
                .setParameter("location", response.getHeaderString(HttpHeaders.LOCATION))
                .setParameter("etag", response.getHeaderString(HttpHeaders.ETAG))
                .setParameter("body", response.getEntity())
                .setParameter("scope", scope)
                .setParameter("key", key)
                .executeUpdate();
    }

    private void release(String scope, String key) {
        em.createNativeQuery("delete from idempotency_record where scope = :scope and idem_key = :key and status is null")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .executeUpdate();
    }

    private static Response replay(Stored stored) {
        Response.ResponseBuilder builder = Response.status(stored.status).header(REPLAYED_HEADER, "true");
        if (stored.body != null) builder.entity(stored.body);
        if (stored.contentType != null) builder.header(HttpHeaders.CONTENT_TYPE, stored.contentType);
        if (stored.location != null) builder.header(HttpHeaders.LOCATION, stored.location);
        if (stored.etag != null) builder.header(HttpHeaders.ETAG, stored.etag);
        return builder.build();
    }

    /** The response with its entity serialised once, so the first answer and every replay are the same bytes. */
    private Response asBytes(Response response) {
        Object entity = response.getEntity();
        if (entity == null || entity instanceof byte[]) {
            return response;
        }
        try {
            byte[] body = mapper.writeValueAsBytes(entity);
            Response.ResponseBuilder builder = Response.fromResponse(response).entity(body);
            if (response.getMediaType() == null) {
                builder.type(MediaType.APPLICATION_JSON_TYPE);
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be serialised", e);
        }
    }

    private String hash(Object request) {
        try {
            return sha256Hex(request == null ? new byte[0] : mapper.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value);
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        Tenancy.acrossClinics("idempotency key expiry", () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from idempotency_record where created_at < :cutoff")
                        .setParameter("cutoff", Instant.now(clock).minus(config.retention()))
                        .executeUpdate()));
    }

    private record Stored(String requestHash, Instant createdAt, Integer status, String contentType,
                          String location, String etag, byte[] body) {
    }
}
