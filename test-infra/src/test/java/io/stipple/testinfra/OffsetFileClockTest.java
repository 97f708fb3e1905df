package io.stipple.testinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OffsetFileClockTest {

    @TempDir
    Path dir;

    @Test
    void follows_the_offset_written_to_the_file() throws Exception {
        Path file = dir.resolve("offset");
        OffsetFileClock clock = new OffsetFileClock(file);
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));

        OffsetFileClock.write(file, Duration.ofDays(7));
        await().atMost(Duration.ofSeconds(2)).until(() ->
                Duration.between(Instant.now(), clock.instant()).toHours() >= 7 * 24 - 1);
    }

    @Test
    void garbage_in_the_file_keeps_the_last_offset() throws Exception {
        Path file = dir.resolve("offset");
        OffsetFileClock clock = new OffsetFileClock(file);
        OffsetFileClock.write(file, Duration.ofHours(5));
        await().atMost(Duration.ofSeconds(2)).until(() -> Duration.between(Instant.now(), clock.instant()).toHours() >= 4);
        Files.writeString(file, "not a duration");
        Thread.sleep(120); // let the 50 ms re-read window pass once; nothing to await here but the absence of a jump
        assertThat(Duration.between(Instant.now(), clock.instant()).toHours()).isGreaterThanOrEqualTo(4);
    }
}
