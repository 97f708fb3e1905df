package io.stipple.booking.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The availability answer's slot writer and clinic-time text are byte for byte what Jackson and java.time write. */
class SlotsJsonTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("UTC"), ZoneId.of("Africa/Monrovia"));

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void clinicTimeTextIsTheIsoOffsetDateTimeFormattersText() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long seconds = -2_500_000_000L + (long) (random.nextDouble() * 6_000_000_000L);
            int nanos = random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0;
            OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atZone(ZONES.get(random.nextInt(ZONES.size())))
                    .toOffsetDateTime();
            assertThat(ClinicTime.text(time)).isEqualTo(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        // a year beyond four digits and an offset with seconds (Monrovia before 1972)
        OffsetDateTime far = OffsetDateTime.parse("+12026-03-29T09:00:00+01:00");
        assertThat(ClinicTime.text(far)).isEqualTo(far.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        OffsetDateTime monrovia = Instant.parse("1960-01-01T12:00:00Z").atZone(ZoneId.of("Africa/Monrovia")).toOffsetDateTime();
        assertThat(ClinicTime.text(monrovia)).isEqualTo("1960-01-01T11:15:30-00:44:30");
    }

    @Test
    void slotsAreWrittenAsJacksonWritesTheSlotRecords() throws Exception {
        Random random = new Random(5);
        List<UUID> technicians = new ArrayList<>();
        for (int i = 0; i < 20; i++) technicians.add(UUID.randomUUID());
        for (int run = 0; run < 50; run++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            List<Slot> slots = new ArrayList<>();
            Instant start = Instant.parse("2026-03-27T09:00:00Z");
            for (int s = random.nextInt(200); s > 0; s--) {
                start = start.plusSeconds(900L * (1 + random.nextInt(8)));
                List<UUID> free = technicians.stream().filter(t -> random.nextInt(3) > 0).toList();
                slots.add(new Slot(ClinicTime.at(start, zone), ClinicTime.at(start.plusSeconds(7200), zone), free));
            }
            assertThat(withSlotsJson(slots)).isEqualTo(mapper.writeValueAsString(slots));
        }
        assertThat(withSlotsJson(List.of())).isEqualTo("[]");
    }

    private String withSlotsJson(List<Slot> slots) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = mapper.createGenerator(out)) {
            new SlotsJson().serialize(slots, gen, mapper.getSerializerProviderInstance());
        }
        return out.toString();
    }
}
