package io.stipple.booking.service;

import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.CancellationFees;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.DepositPolicy;
import io.stipple.booking.domain.ClinicClosure;
import io.stipple.booking.domain.WaitlistMode;
import io.stipple.booking.domain.WeeklyHours;
import io.stipple.booking.repository.ClinicRepository;
import io.stipple.booking.repository.SqlState;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A clinic's profile, week and closures. */
@ApplicationScoped
@Transactional
public class ClinicService {

    @Inject
    Clock clock;

    @Inject
    BookingConfig config;

    @Inject
    ClinicRepository repository;

    @Inject
    PaymentService payments;

    /** An interval of a weekday in local time, as given (checked when converted to {@link WeeklyHours}). */
    public record Interval(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
    }

    /** A slot hold's length when the clinic sets none. */
    public static final int DEFAULT_HOLD_MINUTES = 5;

    /** How long a waitlist offer stands when the clinic sets none. */
    public static final int DEFAULT_WAITLIST_OFFER_MINUTES = 60;

    /**
     * A clinic's profile to create or replace; {@code cancellationNoticeHours} null means the configured default,
     * {@code holdMinutes} null a 5-minute slot hold, {@code waitlistMode} null first in line, {@code waitlistOfferMinutes} null
     * an hour.
     */
    public record ClinicProfile(String name, String addressLine1, String addressLine2, String city, String postcode,
                                String country, String timeZone, String currency, List<Interval> openingHours,
                                Integer cancellationNoticeHours, Integer holdMinutes, WaitlistMode waitlistMode,
                                Integer waitlistOfferMinutes, DepositPolicy depositPolicy, Integer paymentMinutes,
                                CancellationFees cancellationFees) {
    }

    /** How long a booking waiting for its deposit keeps its time when the clinic sets none. */
    public static final int DEFAULT_PAYMENT_MINUTES = 30;

    /** Whole local days the clinic is closed, inclusive. */
    public record NewClosure(LocalDate firstDay, LocalDate lastDay, String reason) {
    }

    /** The result of a PUT: the clinic and whether it was created by it. */
    public record Saved(Clinic clinic, boolean created) {
    }

    public Saved put(UUID clinicId, ClinicProfile request, String ifMatch) {
        ZoneId zone = zone(request.timeZone());
        payments.checkConfigured(request.depositPolicy());
        List<WeeklyHours> week = week(request.openingHours(), "openingHours");
        Instant now = clock.instant();
        Clinic clinic = repository.find(clinicId).orElse(null);
        boolean created = clinic == null;
        if (created) {
            clinic = new Clinic();
            clinic.id = clinicId;
            clinic.createdAt = now;
        } else {
            ETags.checkCurrent(ETags.requireIfMatch(ifMatch), clinic.version);
        }
        clinic.name = request.name().trim();
        clinic.addressLine1 = request.addressLine1();
        clinic.addressLine2 = request.addressLine2();
        clinic.city = request.city();
        clinic.postcode = request.postcode();
        clinic.country = request.country();
        clinic.timeZone = zone.getId();
        clinic.currency = request.currency();
        clinic.openingHours = week;
        clinic.cancellationNoticeHours = request.cancellationNoticeHours() != null
                ? request.cancellationNoticeHours() : config.bookings().defaultCancellationNoticeHours();
        clinic.holdMinutes = request.holdMinutes() != null ? request.holdMinutes() : DEFAULT_HOLD_MINUTES;
        clinic.waitlistMode = request.waitlistMode() != null ? request.waitlistMode() : WaitlistMode.FIRST_IN_LINE;
        clinic.waitlistOfferMinutes = request.waitlistOfferMinutes() != null ? request.waitlistOfferMinutes()
                : DEFAULT_WAITLIST_OFFER_MINUTES;
        clinic.depositPolicy = request.depositPolicy();
        clinic.paymentMinutes = request.paymentMinutes() != null ? request.paymentMinutes() : DEFAULT_PAYMENT_MINUTES;
        clinic.cancellationFees = request.cancellationFees();
        clinic.updatedAt = now;
        if (created) {
            repository.persist(clinic);
        }
        try {
            repository.flush();
        } catch (PersistenceException e) {
            // two first PUTs at once: the primary key lets one create the profile, the other is told to update it
            if (created && SqlState.UNIQUE_VIOLATION.equals(SqlState.of(e))) {
                throw ProblemException.conflict("clinic-exists", "The clinic's profile was created at the same moment; "
                        + "read it and update it with If-Match");
            }
            throw e;
        }
        return new Saved(clinic, created);
    }

    /** The caller's clinic; without a profile nothing can be booked there yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Clinic require(UUID clinicId) {
        return repository.find(clinicId).orElseThrow(() -> ProblemException.notFound("Clinic " + clinicId));
    }

    public ClinicClosure addClosure(UUID clinicId, NewClosure request) {
        require(clinicId);
        if (request.lastDay().isBefore(request.firstDay())) {
            throw ProblemException.invalidField("lastDay", "must not be before firstDay");
        }
        ClinicClosure closure = new ClinicClosure();
        closure.id = UUID.randomUUID();
        closure.clinicId = clinicId;
        closure.firstDay = request.firstDay();
        closure.lastDay = request.lastDay();
        closure.reason = request.reason();
        closure.createdAt = clock.instant();
        repository.persist(closure);
        return closure;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClinicClosure> closures(UUID clinicId, PageQuery page) {
        require(clinicId);
        return repository.closures(clinicId, page);
    }

    public void deleteClosure(UUID clinicId, UUID closureId) {
        long deleted = repository.deleteClosure(clinicId, closureId);
        if (deleted == 0) {
            throw ProblemException.notFound("Closure " + closureId);
        }
    }

    /** The clinic's closed local dates within [first, last]. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<LocalDate> closedDays(UUID clinicId, LocalDate first, LocalDate last) {
        Set<LocalDate> out = new HashSet<>();
        List<ClinicClosure> closures = repository.closuresBetween(clinicId, first, last);
        for (ClinicClosure c : closures) {
            for (LocalDate d = c.firstDay.isBefore(first) ? first : c.firstDay; !d.isAfter(last) && !d.isAfter(c.lastDay); d = d.plusDays(1)) {
                out.add(d);
            }
        }
        return out;
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/London");
        }
    }

    /** Converts and checks a week: each interval closes after it opens; intervals of a day do not overlap. */
    static List<WeeklyHours> week(List<Interval> hours, String field) {
        List<WeeklyHours> out = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Interval h = hours.get(i);
            try {
                out.add(new WeeklyHours(h.weekday(), h.opens(), h.closes()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(field + "[" + i + "]", e.getMessage());
            }
        }
        try {
            WeeklyHours.requireDisjoint(out);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
        return List.copyOf(out);
    }
}
