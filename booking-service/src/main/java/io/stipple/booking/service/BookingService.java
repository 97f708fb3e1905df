package io.stipple.booking.service;

import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.AdvanceBookingPolicy;
import io.stipple.booking.domain.Amount;
import io.stipple.booking.domain.CancellationFeePolicy.Cause;
import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.BookingAction;
import io.stipple.booking.domain.BookingKind;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.CancellationNoticePolicy;
import io.stipple.booking.domain.CancelledBy;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.ClosurePolicy;
import io.stipple.booking.domain.DoubleBookingPolicy;
import io.stipple.booking.domain.FreedTime;
import io.stipple.booking.domain.FutureStartPolicy;
import io.stipple.booking.domain.HealingIntervalPolicy;
import io.stipple.booking.domain.HealingOverridePolicy;
import io.stipple.booking.domain.OpeningHoursPolicy;
import io.stipple.booking.domain.QualificationPolicy;
import io.stipple.booking.domain.Room;
import io.stipple.booking.domain.RoomAvailabilityPolicy;
import io.stipple.booking.domain.SessionRecord;
import io.stipple.booking.domain.SessionRecordPolicy;
import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.TimeOffPolicy;
import io.stipple.booking.domain.TimeRange;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.messaging.BookingEventMapper;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.repository.SqlState;
import io.stipple.booking.service.SessionPlanner.SessionContext;
import io.stipple.platform.events.Topics;
import io.stipple.platform.outbox.Outbox;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.problem.RuleViolation;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Booking use cases. Every change and its event are written in one transaction (the outbox). */
@ApplicationScoped
@Transactional
public class BookingService {

    @Inject
    Clock clock;

    @Inject
    BookingConfig config;

    @Inject
    Access access;

    @Inject
    Caller caller;

    @Inject
    ClinicService clinics;

    @Inject
    CatalogueService catalogue;

    @Inject
    StaffService staff;

    @Inject
    SessionPlanner planner;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingEventMapper events;

    @Inject
    Outbox outbox;

    @Inject
    WaitlistService waitlist;

    @Inject
    PaymentService payments;

    /**
     * A booking with its clinic (whose zone its times are shown in) and its deposit (null: it needs none).
     */
    public record Result(Booking booking, Clinic clinic, PaymentService.Deposit deposit) {
    }

    private Result result(Booking booking, Clinic clinic) {
        return new Result(booking, clinic, payments.depositOf(booking).orElse(null));
    }

    /** Admin only: a plan session with a shorter healing interval than the rules allow, and why. */
    public record HealingOverride(Integer intervalDays, String reason) {
    }

    /** A booking to make; {@code clientId} may be null for a client booking for itself, room and plan may be open. */
    public record NewBooking(UUID clientId, UUID treatmentId, UUID technicianId, UUID roomId, UUID planId,
                             Instant startsAt, String preparationNotes, HealingOverride healingOverride) {
    }

    /**
     * Where a booking moves; technician and room stay when null. {@code moveFollowing}: the plan's later sessions
     * move by the same amount, all or nothing.
     */
    public record Reschedule(Instant startsAt, UUID technicianId, UUID roomId, HealingOverride healingOverride,
                             boolean moveFollowing) {
    }

    /** The pigment used in a session. */
    public record Pigment(String brand, String shade, String dilution, String lot, LocalDate expiry) {
    }

    /** What was done in a session (every field may be null; treatment sessions need the record, checked here). */
    public record SessionDetails(List<String> areasTreated, Pigment pigment, String needleConfiguration,
                                 Integer actualDurationMinutes, String technicianNotes) {
    }

    /**
     * Books a session: confirmed at once, BookingConfirmed published — unless it needs a deposit: then it waits in
     * PENDING_PAYMENT (its time taken) until the deposit is paid (BookingConfirmed then) or its time to pay runs out.
     */
    public Result create(NewBooking request) {
        return place(request, false, true);
    }

    /**
     * Holds a slot while the client fills in the form: a HELD booking that takes the technician's and room's time
     * under the same constraints as a booking, for the clinic's hold time ({@code clinic.holdMinutes}). Nothing is
     * published; {@link #confirmHold} turns it into the booking (same id), {@link #releaseHold} or the clock frees it.
     */
    public Result hold(NewBooking request) {
        return place(request, true, false);
    }

    /** Who the waitlist's own holds are booked by (the matcher acts for nobody logged in). */
    public static final String WAITLIST_ACTOR = "system:waitlist";

    /**
     * The waitlist's offer (no caller: the matcher's own transaction): holds the slot for {@code clientId} for
     * {@code holdFor} (the clinic's offer time, which may be longer than a front desk's hold) under every rule of
     * {@link #hold}. Nothing is published.
     */
    public Booking holdForWaitlist(Clinic clinic, UUID clientId, UUID treatmentId, UUID technicianId, Instant startsAt,
                                   Duration holdFor) {
        return place(clinic, clientId, WAITLIST_ACTOR, waitlistRequest(clientId, treatmentId, technicianId, startsAt),
                Placing.HOLD, holdFor);
    }

    /**
     * Would the slot fit {@code clientId} under every rule of {@link #create}? Returns the booking it would make (not
     * written: an offer to all holds nothing) or throws the rule that refuses it.
     */
    public Booking tryForWaitlist(Clinic clinic, UUID clientId, UUID treatmentId, UUID technicianId, Instant startsAt) {
        return place(clinic, clientId, WAITLIST_ACTOR, waitlistRequest(clientId, treatmentId, technicianId, startsAt),
                Placing.TRY, Duration.ZERO);
    }

    private static NewBooking waitlistRequest(UUID clientId, UUID treatmentId, UUID technicianId, Instant startsAt) {
        return new NewBooking(clientId, treatmentId, technicianId, null, null, startsAt, null, null);
    }

    /** What placing a booking does: book it, hold it, or only try every rule on it. */
    private enum Placing { BOOK, HOLD, TRY }

    /** @param mayNeedDeposit whether the clinic's deposit policy applies (not to a series' later sessions) */
    private Result place(NewBooking request, boolean hold, boolean mayNeedDeposit) {
        UUID clinicId = access.clinicId();
        UUID clientId = access.bookingClient(request.clientId());
        Clinic clinic = clinics.require(clinicId);
        Booking booking = place(clinic, clientId, caller.actor(), request, hold ? Placing.HOLD : Placing.BOOK,
                Duration.ofMinutes(clinic.holdMinutes), mayNeedDeposit);
        return result(booking, clinic);
    }

    private Booking place(Clinic clinic, UUID clientId, String actor, NewBooking request, Placing placing, Duration holdFor) {
        return place(clinic, clientId, actor, request, placing, holdFor, false);
    }

    private Booking place(Clinic clinic, UUID clientId, String actor, NewBooking request, Placing placing, Duration holdFor,
                          boolean mayNeedDeposit) {
        UUID clinicId = clinic.id;
        Instant now = clock.instant();
        // a hold that ran out frees its time (and plan session number) before anything is checked or written
        expireHolds(clinicId, now);
        Treatment treatment = catalogue.bookable(clinicId, request.treatmentId());
        Integer overrideDays = overrideDays(request.healingOverride(), treatment);
        SessionContext session = planner.plan(clinic, treatment, clientId, request.planId(), overrideDays, null,
                SessionPlanner.Purpose.BOOK);
        Instant start = request.startsAt();
        Technician technician = staff.technician(clinicId, request.technicianId());

        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.clinicId = clinicId;
        booking.clientId = clientId;
        booking.kind = treatment.kind;
        booking.treatmentId = treatment.id;
        booking.technicianId = technician.id;
        booking.planId = session.plan() != null ? session.plan().planId : null;
        booking.sessionNumber = session.sessionNumber();
        booking.status = placing == Placing.BOOK ? BookingStatus.CONFIRMED : BookingStatus.HELD;
        booking.holdExpiresAt = placing == Placing.BOOK ? null : now.plus(holdFor);
        booking.preparationNotes = request.preparationNotes();
        booking.bookedBy = actor;
        recordOverride(booking, request.healingOverride());
        booking.createdAt = now;
        booking.updatedAt = now;
        booking.place(start, session.length(), treatment.buffer());
        checkTime(clinic, treatment, technician, booking, session, now);
        booking.roomId = chooseRoom(clinicId, request.roomId(), booking).id;
        if (placing == Placing.TRY) {
            return booking;
        }
        Optional<Amount> deposit = placing == Placing.BOOK && mayNeedDeposit
                ? payments.depositFor(clinic, treatment, clientId, !access.isStaff(), now) : Optional.empty();
        if (deposit.isPresent()) {
            booking.status = BookingStatus.PENDING_PAYMENT;
            booking.holdExpiresAt = now.plus(Duration.ofMinutes(clinic.paymentMinutes));
        }
        bookings.persist(booking);
        flushOrConflict();
        if (deposit.isPresent()) {
            payments.open(booking, clinic, deposit.get(), now);
        } else if (placing == Placing.BOOK) {
            outbox.publish(Topics.BOOKINGS, clinicId, clientId.toString(),
                    events.confirmed(booking, clinic, treatment, technician));
        }
        return booking;
    }

    /** Marks the clinic's holds that ran out EXPIRED (before anything is checked or written) and tells the waitlist. */
    private void expireHolds(UUID clinicId, Instant now) {
        List<FreedTime> expired = bookings.expireHolds(clinicId, now);
        for (FreedTime freed : expired) {
            waitlist.holdEnded(freed, true);
        }
        payments.bookingsExpired(expired);
    }

    /** One session of a series to book: when, with whom, optionally where. */
    public record SeriesSession(Instant startsAt, UUID technicianId, UUID roomId) {
    }

    /** The next sessions of a client's plan, to book together. */
    public record NewSeries(UUID clientId, UUID treatmentId, UUID planId, List<SeriesSession> sessions,
                            String preparationNotes) {
    }

    /**
     * Books the sessions of a series all or nothing, in one transaction, in time order: each is a booking under every
     * rule of {@link #create} (plan session numbers in order, the healing interval after the one before, the
     * exclusion constraints), each publishes BookingConfirmed. When one no longer fits, nothing is booked and the
     * answer is one 409 {@code series-session-unavailable} naming that session ({@code session}: its position, 1 for
     * the first; {@code startsAt}; {@code reason}: the rule's own problem type).
     */
    public List<Result> createSeries(NewSeries request) {
        List<SeriesSession> sessions = request.sessions();
        for (int i = 1; i < sessions.size(); i++) {
            if (!sessions.get(i).startsAt().isAfter(sessions.get(i - 1).startsAt())) {
                throw ProblemException.invalidField("sessions[" + i + "].startsAt", "sessions must be in time order");
            }
        }
        List<Result> booked = new java.util.ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SeriesSession one = sessions.get(i);
            try {
                // a deposit is asked for the first session only (the series' later sessions are confirmed at once)
                booked.add(place(new NewBooking(request.clientId(), request.treatmentId(), one.technicianId(), one.roomId(),
                        request.planId(), one.startsAt(), request.preparationNotes(), null), false, i == 0));
            } catch (RuleViolation e) {
                throw noLongerFits(e.status()) ? seriesConflict(i + 1, one, e.slug(), e.getMessage()) : e;
            } catch (ProblemException e) {
                throw noLongerFits(e.status()) ? seriesConflict(i + 1, one, e.slug(), e.getMessage()) : e;
            }
        }
        return booked;
    }

    /** A session's own conflict (409) or refusal by a rule (422): it no longer fits. Anything else stays itself. */
    private static boolean noLongerFits(int status) {
        return status == 409 || status == 422;
    }

    private static ProblemException seriesConflict(int position, SeriesSession session, String slug, String detail) {
        return ProblemException.conflict("series-session-unavailable", "Session " + position + " of the series ("
                        + session.startsAt() + ") can no longer be booked, so none was: " + detail)
                .with("session", position)
                .with("startsAt", session.startsAt().toString())
                .with("reason", "https://stipple.io/problems/" + slug);
    }

    /**
     * Turns a live hold into the booking (the same id) and publishes BookingConfirmed, once: a second confirm is a
     * 409 illegal-transition, a hold that ran out a 409 hold-expired. Everyone who may book for the hold's client may
     * confirm it, a partner included (for clients shared with it).
     */
    public Result confirmHold(UUID id, String preparationNotes, String ifMatch) {
        Booking booking = held(id, ifMatch);
        Instant now = clock.instant();
        booking.checkConfirmable(now);
        if (preparationNotes != null) {
            booking.preparationNotes = preparationNotes;
        }
        Clinic clinic = clinics.require(booking.clinicId);
        Treatment treatment = catalogue.find(booking.clinicId, booking.treatmentId);
        Optional<Amount> deposit = booking.status == BookingStatus.HELD
                ? payments.depositFor(clinic, treatment, booking.clientId, !access.isStaff(), now) : Optional.empty();
        if (deposit.isPresent()) {
            // the hold becomes a booking waiting for its deposit; BookingConfirmed once it is paid
            payments.open(booking, clinic, deposit.get(), now);
            return result(booking, clinic);
        }
        booking.confirmHold(now);
        Technician technician = staff.technician(booking.clinicId, booking.technicianId);
        outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking),
                events.confirmed(booking, clinic, treatment, technician));
        return result(booking, clinic);
    }

    /** The deposit of a PENDING_PAYMENT booking was paid: it is confirmed and BookingConfirmed published, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmPaid(Booking booking, Clinic clinic, Treatment treatment, Instant now) {
        booking.paymentConfirmed(now);
        Technician technician = staff.technician(booking.clinicId, booking.technicianId);
        outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking),
                events.confirmed(booking, clinic, treatment, technician));
    }

    /** The booking as it is now, with its deposit. */
    public Result reload(UUID clinicId, UUID id) {
        Booking booking = bookings.find(clinicId, id).orElseThrow(() -> ProblemException.notFound("Booking " + id));
        return result(booking, clinics.require(clinicId));
    }

    /**
     * Gives a held slot back at once (RELEASED); nothing is published, as nothing was. The time goes to the waitlist
     * (a waitlist offer's hold released is the offer declined).
     */
    public void releaseHold(UUID id) {
        Booking booking = held(id, null);
        booking.releaseHold(clock.instant());
        waitlist.holdEnded(FreedTime.of(booking), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Result> get(UUID id) {
        UUID clinicId = access.clinicId();
        return bookings.find(clinicId, id).filter(access::maySee).map(b -> result(b, clinics.require(clinicId)));
    }

    /** The page of bookings, each with its deposit (read for the page at once). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Result> list(Instant from, Instant to, UUID technicianId, UUID clientId, BookingStatus status, PageQuery page) {
        UUID clinicId = access.clinicId();
        UUID client = clientId;
        List<UUID> onlyClients = null;
        if (access.isClient()) {
            client = access.bookingClient(clientId);
        } else if (access.isPartner()) {
            onlyClients = access.clientsSharedWithPartner();
        }
        var filter = new BookingRepository.Filter(clinicId, from, to, technicianId, client, status, onlyClients);
        List<Booking> found = bookings.list(filter, page);
        if (found.isEmpty()) {
            return Page.of(List.of(), page, bookings.count(filter));
        }
        Clinic clinic = clinics.require(clinicId);
        Map<UUID, PaymentService.Deposit> deposits = payments.depositsOf(clinicId, found);
        return Page.of(found.stream().map(b -> new Result(b, clinic, deposits.get(b.id))).toList(), page,
                bookings.count(filter));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.time.ZoneId zoneOf(UUID clinicId) {
        return clinics.require(clinicId).zone();
    }

    public Result reschedule(UUID id, Reschedule request, String ifMatch) {
        // lock order client, plan, booking (as booking and plan changes do): the plan first, then the booking
        bookings.planOf(access.clinicId(), id).ifPresent(plan -> planner.lockPlan(access.clinicId(), plan));
        Booking booking = changeable(id, ifMatch);
        Clinic clinic = clinics.require(booking.clinicId);
        Instant now = clock.instant();
        expireHolds(booking.clinicId, now);
        CancellationNoticePolicy.check(booking, clinic, now, access.isStaff(), "reschedule");
        booking.checkAllows(BookingAction.RESCHEDULE);
        if (!request.moveFollowing() || booking.planId == null) {
            return move(booking, clinic, request, now);
        }
        // the series moves together: the plan's later sessions shift by the same amount, all or nothing, each under
        // every rule; moving later, the last one moves first (so each keeps its interval to the one after it)
        Duration shift = Duration.between(booking.startsAt, request.startsAt());
        List<Booking> following = bookings.futureOfPlan(booking.clinicId, booking.planId, now).stream()
                .filter(b -> b.sessionNumber != null && b.sessionNumber > booking.sessionNumber
                        && b.status == BookingStatus.CONFIRMED)
                .sorted(java.util.Comparator.comparing((Booking b) -> b.sessionNumber))
                .toList();
        List<Booking> order = new java.util.ArrayList<>(following);
        order.add(0, booking);
        if (!shift.isNegative()) {
            java.util.Collections.reverse(order);
        }
        Result moved = null;
        for (Booking b : order) {
            Reschedule step = b == booking ? request
                    : new Reschedule(b.startsAt.plus(shift), b.technicianId, null, null, false);
            try {
                Result r = move(b, clinic, step, now);
                if (b == booking) moved = r;
            } catch (RuleViolation e) {
                throw noLongerFits(e.status()) ? followingConflict(b, step, e.slug(), e.getMessage()) : e;
            } catch (ProblemException e) {
                throw noLongerFits(e.status()) ? followingConflict(b, step, e.slug(), e.getMessage()) : e;
            }
        }
        return moved;
    }

    private static ProblemException followingConflict(Booking session, Reschedule step, String slug, String detail) {
        return ProblemException.conflict("series-session-unavailable", "Session " + session.sessionNumber
                        + " of the plan cannot move to " + step.startsAt() + ", so none moved: " + detail)
                .with("sessionNumber", session.sessionNumber)
                .with("bookingId", session.id.toString())
                .with("startsAt", step.startsAt().toString())
                .with("reason", "https://stipple.io/problems/" + slug);
    }

    /** Moves one (locked, checked) booking under every rule and publishes BookingRescheduled; its old time is freed. */
    private Result move(Booking booking, Clinic clinic, Reschedule request, Instant now) {
        Treatment treatment = catalogue.find(booking.clinicId, booking.treatmentId);
        Integer overrideDays = request.healingOverride() != null ? overrideDays(request.healingOverride(), treatment)
                : booking.healingOverrideDays;
        SessionContext session = planner.plan(clinic, treatment, booking.clientId, booking.planId, overrideDays, booking,
                SessionPlanner.Purpose.RESCHEDULE);
        Technician technician = staff.technician(booking.clinicId,
                request.technicianId() != null ? request.technicianId() : booking.technicianId);
        FreedTime previous = FreedTime.of(booking);
        Instant previousStart = booking.startsAt;
        Instant previousEnd = booking.endsAt;
        booking.reschedule(request.startsAt(), technician.id, booking.roomId, now);
        if (request.healingOverride() != null) {
            recordOverride(booking, request.healingOverride());
        }
        try {
            // the moved entity may be flushed by the checks' own queries: the constraints can answer there already
            checkTime(clinic, treatment, technician, booking, session, now);
            booking.roomId = chooseRoom(booking.clinicId, request.roomId() != null ? request.roomId() : booking.roomId, booking,
                    request.roomId() == null).id;
            bookings.flush();
        } catch (PersistenceException e) {
            throw conflictOf(e);
        }
        outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking),
                events.rescheduled(booking, clinic, treatment, technician, previousStart, previousEnd));
        if (!previous.startsAt().equals(booking.startsAt) || !previous.technicianId().equals(booking.technicianId)) {
            waitlist.freed(previous);
        }
        return result(booking, clinic);
    }

    /**
     * Cancels a booking. Who asked decides what happens to a deposit: staff cancel for the clinic unless they say the
     * client asked ({@code requestedBy} CLIENT, e.g. a client who phoned in late; null: CLINIC); a client or a
     * manage-link holder is always the client. It is BookingCancelled's {@code cancelledBy}.
     */
    public Result cancel(UUID id, String reason, CancelledBy requestedBy, String ifMatch) {
        Booking booking = changeable(id, ifMatch);
        Clinic clinic = clinics.require(booking.clinicId);
        Instant now = clock.instant();
        booking.checkAllows(BookingAction.CANCEL);
        CancellationNoticePolicy.check(booking, clinic, now, access.isStaff(), "cancel");
        CancelledBy by = access.isStaff() ? (requestedBy == CancelledBy.CLIENT ? CancelledBy.CLIENT : CancelledBy.CLINIC)
                : CancelledBy.CLIENT;
        boolean late = CancellationNoticePolicy.isLate(booking, clinic, now);
        booking.cancel(by, reason, now);
        outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking), events.cancelled(booking));
        waitlist.freed(FreedTime.of(booking));
        payments.decide(booking, by == CancelledBy.CLINIC ? Cause.CLINIC_CANCELLED
                : late ? Cause.LATE_CANCELLATION : Cause.CLIENT_CANCELLED_IN_TIME);
        return result(booking, clinic);
    }

    /** Cancels on the system's behalf (plan cancelled, client erased): no notice rule, no caller; a deposit is refunded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelBySystem(Booking booking, String reason) {
        booking.cancel(CancelledBy.SYSTEM, reason, clock.instant());
        outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking), events.cancelled(booking));
        waitlist.freed(FreedTime.of(booking));
        payments.decide(booking, Cause.CLINIC_CANCELLED);
    }

    public Result checkIn(UUID id, String ifMatch) {
        Booking booking = staffChange(id, ifMatch);
        booking.checkIn(clock.instant(), config.bookings().checkInOpensBefore());
        return result(booking, clinics.require(booking.clinicId));
    }

    public Result markNoShow(UUID id, String ifMatch) {
        Booking booking = staffChange(id, ifMatch);
        booking.markNoShow(clock.instant());
        outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking), events.noShow(booking));
        waitlist.freed(FreedTime.of(booking));
        payments.decide(booking, Cause.NO_SHOW);
        return result(booking, clinics.require(booking.clinicId));
    }

    public Result complete(UUID id, SessionDetails request, String ifMatch) {
        Booking booking = staffChange(id, ifMatch);
        Clinic clinic = clinics.require(booking.clinicId);
        Instant now = clock.instant();
        // the record is checked first (bad input is a 400 whatever the time), then the booking's own rules
        SessionRecord record = booking.kind != BookingKind.CONSULTATION || hasSessionDetails(request)
                ? sessionRecord(booking, request, clinic, now) : null;
        booking.complete(now);
        if (record != null) {
            bookings.persist(record);
        }
        if (booking.kind != BookingKind.CONSULTATION) {
            Treatment treatment = catalogue.find(booking.clinicId, booking.treatmentId);
            outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking),
                    events.sessionCompleted(booking, clinic, treatment, planner.completed(booking, treatment)));
        }
        return result(booking, clinic);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SessionRecord> sessionRecord(UUID bookingId) {
        return get(bookingId).flatMap(r -> bookings.sessionRecord(bookingId));
    }

    // --- rules (each a named policy in domain) ---------------------------------------------------------------

    /** Where, when and with whom: every rule a new or moved booking must keep, before the database's own guard. */
    private void checkTime(Clinic clinic, Treatment treatment, Technician technician, Booking booking,
                           SessionContext session, Instant now) {
        FutureStartPolicy.check(booking.startsAt, now);
        AdvanceBookingPolicy.check(booking.startsAt, now, config.bookings().maxAdvance());
        QualificationPolicy.check(technician, treatment);
        LocalDate day = ClosurePolicy.day(booking.startsAt, clinic.zone());
        ClosurePolicy.check(day, clinics.closedDays(clinic.id, day, day));
        OpeningHoursPolicy.check(booking.startsAt, booking.sessionLength(), clinic, technician);
        HealingIntervalPolicy.check(booking.startsAt, session.length(), session.sessionNumber(), session.interval(),
                session.earliestStart(), session.latestEnd());
        TimeRange occupied = booking.occupied();
        TimeOffPolicy.check(technician, staff.timeOffBetween(clinic.id, List.of(technician.id), occupied.start(), occupied.end()));
        Map<UUID, List<TimeRange>> busy = bookings.technicianBusy(List.of(technician.id), occupied.start(), occupied.end(), booking.id);
        DoubleBookingPolicy.check(technician, busy.getOrDefault(technician.id, List.of()));
    }

    private Room chooseRoom(UUID clinicId, UUID requested, Booking booking) {
        return chooseRoom(clinicId, requested, booking, requested == null);
    }

    /**
     * The requested room if free; otherwise (when the caller left it open) the first free active room
     * ({@link RoomAvailabilityPolicy}).
     */
    private Room chooseRoom(UUID clinicId, UUID preferred, Booking booking, boolean mayChoose) {
        TimeRange occupied = booking.occupied();
        if (preferred != null) {
            Room room = staff.room(clinicId, preferred);
            List<TimeRange> taken = bookings.roomBusy(List.of(room.id), occupied.start(), occupied.end(), booking.id)
                    .getOrDefault(room.id, List.of());
            if (!mayChoose) {
                RoomAvailabilityPolicy.check(room, taken);
                return room;
            }
            if (RoomAvailabilityPolicy.isFree(room, taken)) return room;
        }
        List<Room> rooms = staff.activeRooms(clinicId);
        return RoomAvailabilityPolicy.firstFree(rooms, bookings.roomBusy(rooms.stream().map(r -> r.id).toList(),
                occupied.start(), occupied.end(), booking.id), occupied);
    }

    /** Writes now, so PostgreSQL's exclusion constraints answer inside this request: an overlap is a 409. */
    private void flushOrConflict() {
        try {
            bookings.flush();
        } catch (PersistenceException e) {
            throw conflictOf(e);
        }
    }

    /** PostgreSQL's answer as a problem: an overlap (exclusion constraint) or a session number taken is a 409. */
    private static RuntimeException conflictOf(PersistenceException e) {
        String state = SqlState.of(e);
        if (SqlState.EXCLUSION_VIOLATION.equals(state)) {
            String what = SqlState.constraint(e).contains("room") ? "The room" : "The technician";
            return conflict("booking-conflict", what + " is already booked at that time");
        }
        if (SqlState.UNIQUE_VIOLATION.equals(state)) {
            return conflict("session-number-taken", "That session of the plan was booked at the same moment; retry");
        }
        if (SqlState.DEADLOCK_DETECTED.equals(state)) {
            // two overlapping bookings of the same moment, each waiting on the other's technician or room
            return conflict("booking-conflict", "That time was being booked at the same moment; search again");
        }
        return e;
    }

    private Integer overrideDays(HealingOverride override, Treatment treatment) {
        if (override == null) {
            return null;
        }
        HealingOverridePolicy.check(access.isAdmin(), treatment);
        return override.intervalDays();
    }

    private void recordOverride(Booking booking, HealingOverride override) {
        if (override != null) {
            booking.healingOverrideDays = override.intervalDays();
            booking.healingOverrideBy = caller.actor();
            booking.healingOverrideReason = override.reason();
        }
    }

    /** Locked, visible, version-checked booking that the caller (staff or its client) may change. */
    private Booking changeable(UUID id, String ifMatch) {
        Booking booking = bookings.findForUpdate(access.clinicId(), id).filter(access::maySee)
                .orElseThrow(() -> ProblemException.notFound("Booking " + id));
        if (access.isPartner()) {
            throw ProblemException.forbidden("A partner may book but not change bookings");
        }
        if (ifMatch != null) {
            ETags.checkCurrent(ETags.requireIfMatch(ifMatch), booking.version);
        }
        return booking;
    }

    /** A hold (or what became of it), locked, visible to the caller and booked for a client the caller may book for. */
    private Booking held(UUID id, String ifMatch) {
        Booking booking = bookings.findForUpdate(access.clinicId(), id).filter(access::maySee)
                .orElseThrow(() -> ProblemException.notFound("Booking " + id));
        if (ifMatch != null) {
            ETags.checkCurrent(ETags.requireIfMatch(ifMatch), booking.version);
        }
        return booking;
    }

    private Booking staffChange(UUID id, String ifMatch) {
        Booking booking = bookings.findForUpdate(access.clinicId(), id)
                .orElseThrow(() -> ProblemException.notFound("Booking " + id));
        if (ifMatch != null) {
            ETags.checkCurrent(ETags.requireIfMatch(ifMatch), booking.version);
        }
        return booking;
    }

    private static boolean hasSessionDetails(SessionDetails r) {
        return r != null && (r.areasTreated() != null || r.pigment() != null || r.needleConfiguration() != null
                || r.actualDurationMinutes() != null);
    }

    private SessionRecord sessionRecord(Booking booking, SessionDetails r, Clinic clinic, Instant now) {
        LocalDate today = now.atZone(clinic.zone()).toLocalDate();
        SessionRecordPolicy.check(r != null, r == null ? null : r.areasTreated(),
                r == null || r.pigment() == null ? null : new SessionRecordPolicy.PigmentLot(r.pigment().lot(), r.pigment().expiry()),
                r == null ? null : r.needleConfiguration(), r == null ? null : r.actualDurationMinutes(), today);
        SessionRecord record = new SessionRecord();
        record.bookingId = booking.id;
        record.clinicId = booking.clinicId;
        record.sessionNumber = booking.sessionNumber;
        record.areasTreated = List.copyOf(r.areasTreated());
        record.pigmentBrand = r.pigment().brand();
        record.pigmentShade = r.pigment().shade();
        record.pigmentDilution = r.pigment().dilution();
        record.pigmentLot = r.pigment().lot();
        record.pigmentExpiry = r.pigment().expiry();
        record.needleConfiguration = r.needleConfiguration();
        record.actualDurationMinutes = r.actualDurationMinutes();
        record.technicianNotes = r.technicianNotes();
        record.recordedBy = caller.actor();
        record.completedAt = now;
        return record;
    }

    /** The event subject and Kafka key: the client, or the booking itself once the client is erased. */
    private static String subject(Booking booking) {
        return booking.clientId != null ? booking.clientId.toString() : booking.id.toString();
    }

    private static ProblemException conflict(String slug, String detail) {
        return ProblemException.conflict(slug, detail);
    }
}
