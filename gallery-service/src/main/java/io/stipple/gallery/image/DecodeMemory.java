package io.stipple.gallery.image;

import io.stipple.platform.problem.ProblemException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap that images being decoded and rendered may hold at once, in bytes. Each upload reserves what its
 * {@link MemoryNeed} says before a pixel is decoded and gives it back when its renditions are made; an upload that
 * does not fit waits (first come, first served, so a large image is not overtaken forever by small ones) up to
 * {@code maxWait} and is then refused with {@code 503 gallery-busy}. Held in KiB internally (a semaphore's permits
 * are an {@code int}), so up to 2 TiB.
 */
public final class DecodeMemory {

    /**
     * Share of the maximum heap given to decoding when no size is configured. The other half holds what every
     * request needs besides its pixels (the service itself, the upload bytes of requests in flight — up to
     * {@code gallery.upload.max-size} each —, Hibernate, Kafka and HTTP buffers) and the free regions the garbage
     * collector needs to place the large pixel arrays (G1 allocates each as one contiguous run of regions).
     */
    public static final double DEFAULT_HEAP_SHARE = 0.5;

    private static final long KIB = 1024;

    private final long capacityKib;
    private final Semaphore permits;
    private final Duration maxWait;

    /** @param capacityBytes what all decodes together may hold; {@code maxWait} how long an upload waits for room */
    public DecodeMemory(long capacityBytes, Duration maxWait) {
        if (capacityBytes < KIB) {
            throw new IllegalArgumentException("decode memory must be at least 1 KiB, was " + capacityBytes);
        }
        this.capacityKib = Math.min(capacityBytes / KIB, Integer.MAX_VALUE);
        this.permits = new Semaphore((int) capacityKib, true);
        this.maxWait = maxWait;
    }

    /** {@link #DEFAULT_HEAP_SHARE} of this JVM's maximum heap. */
    public static long defaultCapacity() {
        return (long) (Runtime.getRuntime().maxMemory() * DEFAULT_HEAP_SHARE);
    }

    /** The default share of the heap, waiting up to {@code maxWait} for room. */
    public static DecodeMemory ofHeap(Duration maxWait) {
        return new DecodeMemory(defaultCapacity(), maxWait);
    }

    /** Bytes all decodes together may hold. */
    public long capacity() {
        return capacityKib * KIB;
    }

    /** Whether an image needing {@code bytes} could ever be admitted, i.e. fits the whole budget. */
    public boolean fits(long bytes) {
        return kib(bytes) <= capacityKib;
    }

    /** Bytes not reserved right now. */
    public long available() {
        return permits.availablePermits() * KIB;
    }

    /** Uploads waiting for room right now (an estimate, as {@link Semaphore#getQueueLength()}). */
    public int waiting() {
        return permits.getQueueLength();
    }

    /**
     * Reserves {@code bytes}, waiting for room up to the configured wait; {@code 503 gallery-busy} when it does not
     * come. Only for needs that {@link #fits fit}.
     */
    public Lease reserve(long bytes) {
        if (!fits(bytes)) {
            throw new IllegalArgumentException(bytes + " bytes can never fit a decode memory of " + capacity());
        }
        int kib = (int) kib(bytes);
        boolean acquired;
        try {
            acquired = permits.tryAcquire(kib, maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(503, "gallery-busy", "Service busy",
                    "Too many images are being processed; retry shortly").header("Retry-After", "5");
        }
        return new Lease(kib);
    }

    private static long kib(long bytes) {
        return (bytes + KIB - 1) / KIB;
    }

    /** Reserved memory, given back once by {@link #close()}. */
    public final class Lease implements AutoCloseable {
        private final int kib;
        private boolean released;

        private Lease(int kib) {
            this.kib = kib;
        }

        /** Bytes held (rounded up to whole KiB). */
        public long bytes() {
            return kib * KIB;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                permits.release(kib);
            }
        }
    }
}
