package io.stipple.booking.rest;

import io.stipple.booking.domain.WaitlistEntry;
import io.stipple.booking.domain.WaitlistOffer;
import io.stipple.booking.service.WaitlistService;

import java.time.ZoneId;

/** The waitlist aggregate (entries and offers): requests → commands, entities → views. */
public final class WaitlistMapper {

    private WaitlistMapper() {
    }

    public static WaitlistService.Join command(JoinWaitlistRequest r) {
        return new WaitlistService.Join(r.clientId(), r.treatmentId(), r.from(), r.to(), r.technicianId(),
                r.earliestTime(), r.latestTime());
    }

    public static WaitlistEntryView view(WaitlistService.Placed p) {
        WaitlistEntry e = p.entry();
        return new WaitlistEntryView(e.id, e.clientId, e.treatmentId, e.technicianId, e.firstDay, e.lastDay,
                e.earliestTime, e.latestTime, e.status, p.position(), e.joinedAt, e.version);
    }

    public static WaitlistOfferView view(WaitlistOffer o, ZoneId zone) {
        return new WaitlistOfferView(o.id, o.entryId, o.clientId, o.mode, o.status, o.bookingId, o.treatmentId,
                o.technicianId, ClinicTime.at(o.startsAt, zone), ClinicTime.at(o.endsAt, zone), o.expiresAt, o.createdAt);
    }
}
