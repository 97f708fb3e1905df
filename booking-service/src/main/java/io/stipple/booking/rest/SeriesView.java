package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Series", description = "The bookings of a series, in time order")
public record SeriesView(List<BookingView> bookings) {
}
