package io.stipple.booking.rest;

import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.ClinicClosure;
import io.stipple.booking.domain.WeeklyHours;
import io.stipple.booking.service.ClinicService;

import java.util.List;

/** The clinic aggregate (profile, week, closures): requests → commands, entities → views. */
public final class ClinicMapper {

    private ClinicMapper() {
    }

    public static ClinicService.ClinicProfile command(ClinicRequest r) {
        Address a = r.address();
        return new ClinicService.ClinicProfile(r.name(), a.line1(), a.line2(), a.city(), a.postcode(), a.country(),
                r.timeZone(), r.currency(), intervals(r.openingHours()), r.cancellationNoticeHours(), r.holdMinutes(),
                r.waitlistMode(), r.waitlistOfferMinutes(), PaymentMapper.policy("depositPolicy", r.depositPolicy()),
                r.paymentMinutes(), PaymentMapper.fees("cancellationFees", r.cancellationFees()));
    }

    public static ClinicService.NewClosure command(ClosureRequest r) {
        return new ClinicService.NewClosure(r.firstDay(), r.lastDay(), r.reason());
    }

    /** A week as given (the service checks it and names the JSON field of a bad interval). */
    public static List<ClinicService.Interval> intervals(List<Hours> hours) {
        return hours.stream().map(h -> new ClinicService.Interval(h.weekday(), h.opens(), h.closes())).toList();
    }

    public static ClinicView view(Clinic c) {
        return new ClinicView(c.id, c.name, new Address(c.addressLine1, c.addressLine2, c.city, c.postcode, c.country),
                c.timeZone, c.currency, hours(c.openingHours), c.cancellationNoticeHours, c.holdMinutes, c.waitlistMode,
                c.waitlistOfferMinutes, PaymentMapper.view(c.depositPolicy()), c.paymentMinutes,
                PaymentMapper.view(c.cancellationFees()), c.createdAt, c.updatedAt, c.version);
    }

    public static List<Hours> hours(List<WeeklyHours> week) {
        return week.stream().map(h -> new Hours(h.weekday(), h.opens(), h.closes())).toList();
    }

    public static ClosureView view(ClinicClosure c) {
        return new ClosureView(c.id, c.firstDay, c.lastDay, c.reason, c.createdAt);
    }
}
