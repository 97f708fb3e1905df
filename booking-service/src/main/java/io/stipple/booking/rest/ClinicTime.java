package io.stipple.booking.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes a clinic-local time with its own offset ({@code 2026-03-29T09:00:00+01:00}). The service's JSON mapper
 * otherwise normalises every date-time to UTC, which would hide the clinic's wall-clock time from front ends.
 */
public class ClinicTime extends JsonSerializer<OffsetDateTime> {

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(text(value));
    }

    /**
     * {@code value} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it, without the formatter's per-field
     * machinery for the usual case (whole seconds, a four-digit year): an availability answer writes two per slot.
     */
    public static String text(OffsetDateTime value) {
        int year = value.getYear();
        if (value.getNano() != 0 || year < 0 || year > 9999) {
            return value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        StringBuilder out = new StringBuilder(25);
        digits(out, year, 4).append('-');
        digits(out, value.getMonthValue(), 2).append('-');
        digits(out, value.getDayOfMonth(), 2).append('T');
        digits(out, value.getHour(), 2).append(':');
        digits(out, value.getMinute(), 2).append(':');
        digits(out, value.getSecond(), 2);
        // "Z" for UTC, else "+01:00" (with seconds when the offset has them), as the formatter's offset id
        return out.append(value.getOffset().getId()).toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) out.append('0');
        return out.append(text);
    }

    /** An instant as the clinic's wall-clock time with offset. */
    public static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
