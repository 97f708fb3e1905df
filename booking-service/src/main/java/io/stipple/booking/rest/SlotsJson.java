package io.stipple.booking.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an availability answer's slots exactly as Jackson writes {@link Slot} records ({@code startsAt},
 * {@code endsAt} as {@link ClinicTime}, {@code technicianIds}), cheaper: a month's answer repeats the same few
 * technician ids in every slot (~20,000 ids for 1,000 slots), so each id is turned into its quoted JSON text once per
 * answer, not once per slot, and the field names are pre-encoded.
 */
public class SlotsJson extends JsonSerializer<List<Slot>> {

    private static final SerializableString STARTS_AT = new SerializedString("startsAt");
    private static final SerializableString ENDS_AT = new SerializedString("endsAt");
    private static final SerializableString TECHNICIAN_IDS = new SerializedString("technicianIds");

    @Override
    public void serialize(List<Slot> slots, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        Map<UUID, SerializableString> ids = new HashMap<>();
        gen.writeStartArray(slots, slots.size());
        for (Slot slot : slots) {
            gen.writeStartObject(slot);
            gen.writeFieldName(STARTS_AT);
            writeTime(gen, slot.startsAt());
            gen.writeFieldName(ENDS_AT);
            writeTime(gen, slot.endsAt());
            gen.writeFieldName(TECHNICIAN_IDS);
            List<UUID> technicians = slot.technicianIds();
            if (technicians == null) {
                gen.writeNull();
            } else {
                gen.writeStartArray(technicians, technicians.size());
                for (UUID id : technicians) {
                    if (id == null) gen.writeNull();
                    else gen.writeString(ids.computeIfAbsent(id, k -> new SerializedString(k.toString())));
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void writeTime(JsonGenerator gen, java.time.OffsetDateTime time) throws IOException {
        if (time == null) gen.writeNull();
        else gen.writeString(ClinicTime.text(time));
    }
}
