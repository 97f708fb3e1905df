package io.stipple.platform.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which clinic's rows the current unit of work may see. PostgreSQL enforces it (Row-Level Security on every
 * table with a {@code clinic_id}); this class only says, for the thread, what the platform tells the database
 * when it hands out a connection ({@link TenantConnectionInterceptor}).
 *
 * <ul>
 *     <li>HTTP work needs nothing: the clinic comes from the verified token of the request.</li>
 *     <li>Event consumers run under the event's clinic ({@link #asClinic}); the platform inbox does this.</li>
 *     <li>Work that truly spans clinics (outbox relay, dispatchers, clean-ups) is the one named, narrow path
 *     {@link #acrossClinics}: the purpose is required, set on the database session beside the flag
 *     ({@code stipple.purpose}) and visible in code review.</li>
 * </ul>
 *
 * <p>Bind before the transaction starts: a connection already enlisted in a transaction keeps the clinic it was
 * handed out with. Nothing bound and no token means no clinic: every protected table then looks empty.
 */
public final class Tenancy {

    /** What a unit of work is allowed: one clinic, or every clinic for a named purpose. */
    public record Scope(UUID clinicId, String crossClinicPurpose) {
        public static final Scope NONE = new Scope(null, null);

        public boolean acrossClinics() {
            return crossClinicPurpose != null;
        }
    }

    private static final ThreadLocal<Scope> BOUND = new ThreadLocal<>();

    private Tenancy() {
    }

    /** Runs {@code work} as the given clinic (an event consumer applying that clinic's event). */
    public static <T> T asClinic(UUID clinicId, Supplier<T> work) {
        return within(new Scope(Objects.requireNonNull(clinicId, "clinicId"), null), work);
    }

    public static void asClinic(UUID clinicId, Runnable work) {
        asClinic(clinicId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * The one path across clinics: {@code purpose} names the work ("outbox relay", "reminder dispatch") and is
     * set on the database session beside the flag ({@code current_setting('stipple.purpose')}).
     */
    public static <T> T acrossClinics(String purpose, Supplier<T> work) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("cross-clinic work must name its purpose");
        }
        return within(new Scope(null, purpose), work);
    }

    public static void acrossClinics(String purpose, Runnable work) {
        acrossClinics(purpose, () -> {
            work.run();
            return null;
        });
    }

    /** The scope bound to this thread by {@link #asClinic} or {@link #acrossClinics}, if any. */
    public static Optional<Scope> bound() {
        return Optional.ofNullable(BOUND.get());
    }

    private static <T> T within(Scope scope, Supplier<T> work) {
        Scope previous = BOUND.get();
        BOUND.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }
}
