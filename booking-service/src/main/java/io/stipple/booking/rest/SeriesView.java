package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Series", description = "The bookings of a series, in time order")
public record SeriesView(@Schema(description = "A series books 1 to 10 sessions", maxItems = 10) List<BookingView> bookings) {
}
