package io.stipple.booking.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;

import java.util.List;
import java.util.UUID;

/** Small value lists stored as JSON text columns (read and written only by this service). */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code [{"weekday":"MONDAY","opens":"09:00","closes":"18:00"}]}. */
    public static class WeeklyHoursConverter implements AttributeConverter<List<WeeklyHours>, String> {
        @Override
        public String convertToDatabaseColumn(List<WeeklyHours> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<WeeklyHours> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<WeeklyHours>>() {
            }));
        }
    }

    public static class DurationRulesConverter implements AttributeConverter<List<DurationRule>, String> {
        @Override
        public String convertToDatabaseColumn(List<DurationRule> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<DurationRule> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<DurationRule>>() {
            }));
        }
    }

    public static class UuidListConverter implements AttributeConverter<List<UUID>, String> {
        @Override
        public String convertToDatabaseColumn(List<UUID> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<UUID> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<UUID>>() {
            }));
        }
    }

    public static class StringListConverter implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<String>>() {
            }));
        }
    }

}
