package io.stipple.booking.service;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.FreedTime;
import io.stipple.booking.domain.KnownClientPolicy;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.domain.WaitlistEntry;
import io.stipple.booking.domain.WaitlistEntryStatus;
import io.stipple.booking.domain.WaitlistMode;
import io.stipple.booking.domain.WaitlistOffer;
import io.stipple.booking.domain.WaitlistOfferStatus;
import io.stipple.booking.domain.WaitlistRangePolicy;
import io.stipple.booking.domain.WaitlistSlot;
import io.stipple.booking.domain.WaitlistSlotStatus;
import io.stipple.booking.messaging.BookingEventMapper;
import io.stipple.booking.repository.ProjectionRepository;
import io.stipple.booking.repository.WaitlistRepository;
import io.stipple.platform.events.Topics;
import io.stipple.platform.outbox.Outbox;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.problem.RuleViolation;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The waitlist: clients wait for a treatment; time that a booking frees is offered to those it fits, in join order.
 * Freed time is recorded in the transaction that frees it ({@link #freed}, {@link #holdEnded}) and matched after
 * commit by {@link WaitlistMatcher}, one {@link #offerNext} step per transaction.
 */
@ApplicationScoped
@Transactional
public class WaitlistService {

    @Inject
    Clock clock;

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
    BookingService bookings;

    @Inject
    ProjectionRepository projections;

    @Inject
    WaitlistRepository waitlist;

    @Inject
    WaitlistMatcher matcher;

    @Inject
    BookingEventMapper events;

    @Inject
    Outbox outbox;

    /** A client to put on the waitlist ({@code clientId} null: a client joining for itself). */
    public record Join(UUID clientId, UUID treatmentId, LocalDate from, LocalDate to, UUID technicianId,
                       LocalTime earliestTime, LocalTime latestTime) {
    }

    /** An entry and its place in line (null once it is out of line). */
    public record Placed(WaitlistEntry entry, Integer position) {
    }

    public Placed join(Join request) {
        UUID clinicId = access.clinicId();
        UUID clientId = access.bookingClient(request.clientId());
        Clinic clinic = clinics.require(clinicId);
        Instant now = clock.instant();
        WaitlistRangePolicy.check(request.from(), request.to(), request.earliestTime(), request.latestTime(),
                now.atZone(clinic.zone()).toLocalDate());
        KnownClientPolicy.check(clientId, projections.client(clinicId, clientId));
        Treatment treatment = catalogue.bookable(clinicId, request.treatmentId());
        if (request.technicianId() != null) {
            staff.technician(clinicId, request.technicianId());
        }
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = UUID.randomUUID();
        entry.clinicId = clinicId;
        entry.seq = waitlist.nextSeq();
        entry.clientId = clientId;
        entry.treatmentId = treatment.id;
        entry.technicianId = request.technicianId();
        entry.firstDay = request.from();
        entry.lastDay = request.to();
        entry.earliestTime = request.earliestTime();
        entry.latestTime = request.latestTime();
        entry.status = WaitlistEntryStatus.WAITING;
        entry.joinedBy = caller.actor();
        entry.joinedAt = now;
        entry.updatedAt = now;
        waitlist.persist(entry);
        waitlist.flush();
        return placed(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Placed> get(UUID id) {
        return waitlist.entry(access.clinicId(), id).filter(e -> access.mayAccessClient(e.clientId)).map(this::placed);
    }

    /** Staff: the clinic's entries; a client: its own; a partner: those of the clients that share with it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Placed> list(UUID clientId, UUID treatmentId, WaitlistEntryStatus status, PageQuery page) {
        UUID clinicId = access.clinicId();
        var filter = new WaitlistRepository.EntryFilter(clinicId, clientFilter(clientId), treatmentId, status, partnerView());
        List<WaitlistEntry> entries = waitlist.entries(filter, page);
        Map<UUID, Integer> positions = waitlist.positions(clinicId, entries.stream().map(e -> e.id).toList());
        return Page.of(entries.stream().map(e -> new Placed(e, positions.get(e.id))).toList(), page, waitlist.count(filter));
    }

    /** Takes the entry off the list; its open offers are declined (a held slot goes on to the next in line). */
    public void leave(UUID id) {
        WaitlistEntry entry = waitlist.entryForUpdate(access.clinicId(), id).filter(e -> access.mayAccessClient(e.clientId))
                .orElseThrow(() -> ProblemException.notFound("Waitlist entry " + id));
        if (!entry.leave(clock.instant())) {
            return;
        }
        for (WaitlistOffer offer : waitlist.openOffersOfEntry(entry.clinicId, entry.id)) {
            decline(offer);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WaitlistOffer> offers(UUID clientId, UUID entryId, WaitlistOfferStatus status, PageQuery page) {
        var filter = new WaitlistRepository.OfferFilter(access.clinicId(), clientFilter(clientId), entryId, status,
                partnerView());
        return Page.of(waitlist.offers(filter, page), page, waitlist.count(filter));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WaitlistOffer> offer(UUID id) {
        return waitlist.offer(access.clinicId(), id).filter(o -> access.mayAccessClient(o.clientId));
    }

    /**
     * Accepts an offer for its client: first in line, the held booking is confirmed (same id, BookingConfirmed once);
     * offered to all, the slot is booked under every booking rule, and the other offers of it are taken. 409
     * {@code offer-expired}, {@code offer-taken} or {@code offer-closed} when it can no longer be accepted.
     */
    public BookingService.Result accept(UUID offerId) {
        WaitlistOffer offer = lockedOffer(offerId);
        Instant now = clock.instant();
        offer.checkOpen(now);
        WaitlistSlot slot = waitlist.slot(offer.clinicId, offer.slotId).orElseThrow();
        BookingService.Result booked;
        if (offer.mode == WaitlistMode.FIRST_IN_LINE) {
            booked = bookings.confirmHold(offer.bookingId, null, null);
        } else {
            try {
                booked = bookings.create(new BookingService.NewBooking(offer.clientId, offer.treatmentId,
                        offer.technicianId, null, null, offer.startsAt, null, null));
            } catch (RuleViolation | ProblemException e) {
                int status = e instanceof RuleViolation r ? r.status() : ((ProblemException) e).status();
                throw status == 409 ? offer.taken() : e;
            }
            offer.bookingId = booked.booking().id;
            for (WaitlistOffer other : waitlist.openOffersOfSlot(offer.clinicId, offer.slotId)) {
                if (!other.id.equals(offer.id)) {
                    other.end(WaitlistOfferStatus.TAKEN, now);
                }
            }
        }
        offer.end(WaitlistOfferStatus.ACCEPTED, now);
        slot.moveTo(WaitlistSlotStatus.CLOSED, now);
        waitlist.entry(offer.clinicId, offer.entryId).ifPresent(e -> e.booked(now));
        return booked;
    }

    /** Declines an offer: a held slot is released and goes on to the next in line at once; the entry waits on. */
    public void decline(UUID offerId) {
        WaitlistOffer offer = lockedOffer(offerId);
        offer.checkOpen(clock.instant());
        decline(offer);
    }

    private void decline(WaitlistOffer offer) {
        if (offer.mode == WaitlistMode.FIRST_IN_LINE) {
            bookings.releaseHold(offer.bookingId); // the hold ends: holdEnded declines the offer and passes the slot on
        } else {
            offer.end(WaitlistOfferStatus.DECLINED, clock.instant());
            waitlist.entry(offer.clinicId, offer.entryId).ifPresent(e -> e.offerEnded(clock.instant()));
        }
    }

    /** The offer visible to the caller, locked after its slot (the lock order: slot, offer, booking). */
    private WaitlistOffer lockedOffer(UUID offerId) {
        WaitlistOffer offer = offer(offerId).orElseThrow(() -> ProblemException.notFound("Waitlist offer " + offerId));
        waitlist.slotForUpdate(offer.clinicId, offer.slotId);
        return waitlist.lock(offer);
    }

    // --- freed time (in the transaction that frees it) --------------------------------------------------------

    /**
     * A booking no longer takes its time (cancelled, moved away, a no-show): if it starts in the future and somebody
     * waits for its treatment, it is recorded and matched after commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void freed(FreedTime time) {
        Instant now = clock.instant();
        if (!time.startsAt().isAfter(now) || !waitlist.anyWaiting(time.clinicId(), time.treatmentId())) {
            return;
        }
        WaitlistSlot slot = new WaitlistSlot();
        slot.id = UUID.randomUUID();
        slot.clinicId = time.clinicId();
        slot.freedBookingId = time.bookingId();
        slot.treatmentId = time.treatmentId();
        slot.technicianId = time.technicianId();
        slot.startsAt = time.startsAt();
        slot.status = WaitlistSlotStatus.PENDING;
        slot.createdAt = now;
        slot.updatedAt = now;
        waitlist.persist(slot);
        matcher.wakeAfterCommit();
    }

    /**
     * A hold ended without becoming a booking ({@code expired}: it ran out; else released). A waitlist offer's hold:
     * the offer is EXPIRED (WaitlistOfferExpired published) or DECLINED, its entry back in line, and its slot goes on
     * to the next matching entry after commit. Any other hold: freed time like a cancellation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdEnded(FreedTime time, boolean expired) {
        Optional<WaitlistOffer> held = waitlist.openOfferHeldBy(time.bookingId());
        if (held.isEmpty()) {
            freed(time);
            return;
        }
        WaitlistOffer offer = held.get();
        Instant now = clock.instant();
        offer.end(expired ? WaitlistOfferStatus.EXPIRED : WaitlistOfferStatus.DECLINED, now);
        waitlist.entry(offer.clinicId, offer.entryId).ifPresent(e -> e.offerEnded(now));
        if (expired) {
            outbox.publish(Topics.BOOKINGS, offer.clinicId, offer.clientId.toString(), events.waitlistOfferExpired(offer));
        }
        waitlist.slot(offer.clinicId, offer.slotId).ifPresent(slot -> {
            slot.moveTo(WaitlistSlotStatus.PENDING, now);
            matcher.wakeAfterCommit();
        });
    }

    // --- matching (one step per transaction, by WaitlistMatcher) ----------------------------------------------

    /** What a matching step did: the slot is done with for now, or there may be more to offer. */
    public enum Step { DONE, MORE }

    /**
     * One step of matching a freed slot, in its own transaction: locks the slot ({@code skip locked}: another worker
     * matching it now keeps it), takes the first waiting entry in join order that wants the time and was not offered
     * it yet (nor tried in this round, {@code tried}), and offers it the slot — first in line as a hold for the
     * clinic's offer time, offered to all as a plain offer. A booking rule refusing the entry's client throws (the
     * step's transaction is rolled back) after {@code attempting} was told the entry, so the next step skips it. No
     * entry left: the slot is OFFERED when offers are out, else CLOSED.
     */
    public Step offerNext(UUID clinicId, UUID slotId, Set<UUID> tried, Consumer<UUID> attempting) {
        WaitlistSlot slot = waitlist.slotToMatch(clinicId, slotId).orElse(null);
        if (slot == null) {
            return Step.DONE;
        }
        Clinic clinic = clinics.require(clinicId);
        Instant now = clock.instant();
        ZonedDateTime local = slot.startsAt.atZone(clinic.zone());
        if (slot.startsAt.isAfter(now)) {
            for (WaitlistEntry entry : waitlist.candidates(clinicId, slot.id, slot.treatmentId)) {
                if (tried.contains(entry.id)
                        || !entry.wants(slot.technicianId, local.toLocalDate(), local.toLocalTime())) {
                    continue;
                }
                attempting.accept(entry.id);
                return offer(clinic, slot, entry, now);
            }
        }
        slot.moveTo(waitlist.anyOffers(clinicId, slot.id) && slot.startsAt.isAfter(now)
                ? WaitlistSlotStatus.OFFERED : WaitlistSlotStatus.CLOSED, now);
        return Step.DONE;
    }

    private Step offer(Clinic clinic, WaitlistSlot slot, WaitlistEntry entry, Instant now) {
        Duration offerTime = Duration.ofMinutes(clinic.waitlistOfferMinutes);
        WaitlistOffer offer = new WaitlistOffer();
        offer.id = UUID.randomUUID();
        offer.clinicId = clinic.id;
        offer.slotId = slot.id;
        offer.entryId = entry.id;
        offer.clientId = entry.clientId;
        offer.mode = clinic.waitlistMode;
        offer.treatmentId = slot.treatmentId;
        offer.technicianId = slot.technicianId;
        offer.status = WaitlistOfferStatus.OPEN;
        offer.createdAt = now;
        offer.updatedAt = now;
        Booking booking;
        if (clinic.waitlistMode == WaitlistMode.FIRST_IN_LINE) {
            booking = bookings.holdForWaitlist(clinic, entry.clientId, slot.treatmentId, slot.technicianId, slot.startsAt,
                    offerTime);
            offer.bookingId = booking.id;
            offer.expiresAt = booking.holdExpiresAt;
            entry.offered(now);
            slot.moveTo(WaitlistSlotStatus.OFFERED, now);
        } else {
            booking = bookings.tryForWaitlist(clinic, entry.clientId, slot.treatmentId, slot.technicianId, slot.startsAt);
            offer.expiresAt = now.plus(offerTime);
        }
        offer.startsAt = booking.startsAt;
        offer.endsAt = booking.endsAt;
        waitlist.persist(offer);
        Treatment treatment = catalogue.find(clinic.id, slot.treatmentId);
        outbox.publish(Topics.BOOKINGS, clinic.id, entry.clientId.toString(), events.waitlistOffered(offer, clinic,
                treatment, staff.technician(clinic.id, slot.technicianId)));
        // first in line: one offer at a time; offered to all: on to the next entry
        return clinic.waitlistMode == WaitlistMode.FIRST_IN_LINE ? Step.DONE : Step.MORE;
    }

    private Placed placed(WaitlistEntry entry) {
        return new Placed(entry, waitlist.positions(entry.clinicId, List.of(entry.id)).get(entry.id));
    }

    /** The client the caller may list: a client token only its own, others as asked. */
    private UUID clientFilter(UUID requested) {
        return access.isClient() ? access.bookingClient(requested) : requested;
    }

    /** A partner's whole view: the clients that share with it; null for everyone else. */
    private List<UUID> partnerView() {
        return access.isPartner() ? access.clientsSharedWithPartner() : null;
    }
}
