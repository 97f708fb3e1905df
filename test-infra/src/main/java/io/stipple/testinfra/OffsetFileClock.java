package io.stipple.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The system clock shifted by an offset read from a file (an ISO-8601 duration such as {@code P7DT2H}),
 * re-read at most every 50 ms. Lets a test that runs several service processes move their time together
 * without sleeping. A missing or unreadable file means no offset. A packaged service gets it through the platform's
 * {@code stipple.clock.source} hook ({@link OffsetFileClockSource}); it is never part of a service's own artifact.
 */
public final class OffsetFileClock extends UtcTestClock {

    private final Path file;
    private volatile Duration offset = Duration.ZERO;
    private volatile long readAtNanos;

    public OffsetFileClock(Path file) {
        this.file = file;
        this.readAtNanos = System.nanoTime() - 1_000_000_000L;
    }

    /** Writes the offset every {@link OffsetFileClock} on this file will follow. */
    public static void write(Path file, Duration offset) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, offset.toString());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Instant instant() {
        long now = System.nanoTime();
        if (now - readAtNanos > 50_000_000L) {
            readAtNanos = now;
            try {
                offset = Files.exists(file) ? Duration.parse(Files.readString(file).trim()) : Duration.ZERO;
            } catch (IOException | RuntimeException e) {
                // keep the last offset: a half-written file must not make time jump back
            }
        }
        return Instant.now().plus(offset);
    }
}
