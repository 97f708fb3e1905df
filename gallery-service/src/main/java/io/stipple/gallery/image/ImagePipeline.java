package io.stipple.gallery.image;

import io.stipple.platform.problem.ProblemException;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Turns uploaded bytes into the stored renditions, refusing anything that is not plainly an image:
 * <ol>
 *   <li>size limit (413);</li>
 *   <li>type from the magic bytes only: JPEG, PNG or WebP (else 415);</li>
 *   <li>no markup in metadata or trailing bytes: HTML polyglots are refused (422);</li>
 *   <li>width × height read from the header and checked against the pixel limit BEFORE any pixel is decoded,
 *       so a decompression bomb never allocates its pixels (422); then the heap the image will take
 *       ({@link MemoryNeed}, from the pixel layout the reader will produce) reserved from the {@link DecodeMemory}
 *       shared by all uploads: it waits for room (503 after the wait), and one that could never fit is refused
 *       (422);</li>
 *   <li>a full decode in which any decoder warning (premature end, corrupt data) or a missing end-of-image
 *       marker refuses the file (422);</li>
 *   <li>EXIF orientation applied to the pixels, then every rendition re-encoded from pixels alone, so no
 *       metadata (EXIF, GPS, maker notes, XMP, ICC, comments) survives.</li>
 * </ol>
 * Plain Java, no framework: the service wraps it, the benchmark runs it directly.
 */
public final class ImagePipeline {

    /** Limits and rendition settings. */
    public record Settings(long maxBytes, long maxPixels, int maxSide, int displayMaxSide, int thumbnailMaxSide,
                           float fullQuality, float displayQuality, float thumbnailQuality) {
    }

    /** The outcome: renditions as JPEG bytes, and facts about the image. */
    public record Result(ImageFormat sourceFormat, String sha256, int width, int height, int orientation,
                         byte[] full, byte[] display, byte[] thumbnail) {
    }

    /** Encoder threads (daemon): one per core, shared by every pipeline in the JVM. */
    private static final ExecutorService ENCODERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "gallery-jpeg-encoder");
                thread.setDaemon(true);
                return thread;
            });

    private final Settings settings;
    private final DecodeMemory memory;

    /** A pipeline with its own decode memory: {@link DecodeMemory#DEFAULT_HEAP_SHARE} of the heap, 30 s wait. */
    public ImagePipeline(Settings settings) {
        this(settings, DecodeMemory.ofHeap(Duration.ofSeconds(30)));
    }

    /** A pipeline whose uploads reserve their {@link MemoryNeed} from {@code memory} before decoding. */
    public ImagePipeline(Settings settings, DecodeMemory memory) {
        this.settings = settings;
        this.memory = memory;
    }

    public Settings settings() {
        return settings;
    }

    public DecodeMemory memory() {
        return memory;
    }

    /** {@link #admit} and {@link #render}: the whole pipeline, its memory given back at the end. */
    public Result process(byte[] data) {
        try (Admission admission = admit(data)) {
            return render(admission);
        }
    }

    /**
     * Steps 1–4 and the memory: every check that needs no pixels, then the image's {@link MemoryNeed} reserved from
     * the decode memory (waiting for room, {@code 503 gallery-busy} when none comes; {@code 422
     * image-dimensions-too-large} when the image alone needs more than the whole decode memory). Close the
     * admission to give the memory back.
     */
    public Admission admit(byte[] data) {
        ImageFormat format = checkFile(data);
        int orientation = format == ImageFormat.JPEG ? JpegSegments.orientation(data) : 1;
        MemoryNeed need = readHeader(data, format, orientation);
        if (!memory.fits(need.total())) {
            throw tooMuchMemory(need);
        }
        return new Admission(data, format, orientation, need, memory.reserve(need.total()));
    }

    /**
     * Steps 5–7 for an admitted image: the full decode, orientation and the re-encoded renditions. Running out of
     * heap all the same (the need is an estimate; other requests use the heap too) is the last net: {@code 503}.
     */
    public Result render(Admission admission) {
        try {
            return renderPixels(admission);
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        } catch (CompletionException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                throw outOfMemory();
            }
            throw e;
        }
    }

    /** What {@link #admit} would reserve for {@code data}, after the same checks, without reserving it. */
    public MemoryNeed memoryNeed(byte[] data) {
        ImageFormat format = checkFile(data);
        return readHeader(data, format, format == ImageFormat.JPEG ? JpegSegments.orientation(data) : 1);
    }

    private ImageFormat checkFile(byte[] data) {
        if (data == null || data.length == 0) {
            throw new ProblemException(422, "image-unreadable", "Image unreadable", "The file is empty");
        }
        if (data.length > settings.maxBytes()) {
            throw tooLarge(settings.maxBytes());
        }
        ImageFormat format = ImageFormat.detect(data).orElseThrow(() -> new ProblemException(415,
                "unsupported-image-type", "Unsupported image type",
                "Only JPEG, PNG and WebP images are accepted (recognised from the file's content)"));
        ActiveContentScanner.find(data, format).ifPresent(marker -> {
            throw new ProblemException(422, "image-active-content", "Image refused",
                    "The file carries markup (" + marker + ") besides the image; such polyglot files are refused");
        });
        return format;
    }

    /** Dimensions from the header (checked against the limits) and the pixel layout the reader will produce. */
    private MemoryNeed readHeader(byte[] data, ImageFormat format, int orientation) {
        return withReader(data, format, reader -> {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height);
            if (format == ImageFormat.JPEG && JpegSegments.endOfImage(data) < 0) {
                throw unreadable("the JPEG data ends before the end-of-image marker (truncated file)");
            }
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            ImageTypeSpecifier type = types.hasNext() ? types.next() : reader.getRawImageType(0);
            return MemoryNeed.of(type, width, height, orientation, data.length, settings.displayMaxSide());
        });
    }

    private Result renderPixels(Admission admission) {
        // no local keeps the decoded image or its BGR copy: each is garbage once the next step has made its own,
        // so the peaks of decoding, turning and rendering do not add up (MemoryNeed counts them apart)
        BufferedImage upright = ImageCodecs.orient(ImageCodecs.toBgr(decode(admission)), admission.orientation());
        // the full-size encode (the longest step) runs beside the renditions
        CompletableFuture<byte[]> full = CompletableFuture.supplyAsync(
                () -> ImageCodecs.encodeJpeg(upright, settings.fullQuality()), ENCODERS);
        BufferedImage display = ImageCodecs.fit(upright, settings.displayMaxSide());
        byte[] displayBytes = ImageCodecs.encodeJpeg(display, settings.displayQuality());
        BufferedImage thumbnail = ImageCodecs.fit(display, settings.thumbnailMaxSide());
        byte[] thumbnailBytes = ImageCodecs.encodeJpeg(thumbnail, settings.thumbnailQuality());
        return new Result(admission.format(), sha256(admission.data()), upright.getWidth(), upright.getHeight(),
                admission.orientation(), full.join(), displayBytes, thumbnailBytes);
    }

    private BufferedImage decode(Admission admission) {
        List<String> warnings = new ArrayList<>();
        return withReader(admission.data(), admission.format(), reader -> {
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw unreadable("the image data is damaged (" + warnings.get(0) + ")");
            }
            if (image == null || image.getWidth() != admission.need().width()
                    || image.getHeight() != admission.need().height()) {
                throw unreadable("the decoded image does not match its header");
            }
            return image;
        });
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    /** Runs {@code work} on a reader over {@code data}; anything the reader throws means the file is unreadable. */
    private static <T> T withReader(byte[] data, ImageFormat format, ReaderWork<T> work) {
        ImageReader reader = ImageCodecs.reader(format);
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            return work.apply(reader);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable("it could not be decoded as " + format);
        } finally {
            reader.dispose();
        }
    }

    /**
     * An image past the checks, holding its reserved decode memory until closed.
     *
     * @param need what was reserved for it
     */
    public record Admission(byte[] data, ImageFormat format, int orientation, MemoryNeed need, DecodeMemory.Lease lease)
            implements AutoCloseable {
        @Override
        public void close() {
            lease.close();
        }
    }

    /** The pixel-count and side limits, applied to the dimensions the header declares. */
    void checkDimensions(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw unreadable("it declares no pixels");
        }
        long pixels = (long) width * height;
        if (pixels > settings.maxPixels() || width > settings.maxSide() || height > settings.maxSide()) {
            throw new ProblemException(422, "image-dimensions-too-large", "Image too large",
                    "The image declares " + width + " × " + height + " pixels; at most " + settings.maxPixels()
                            + " pixels and " + settings.maxSide() + " pixels a side are accepted")
                    .with("width", width).with("height", height).with("maxPixels", settings.maxPixels());
        }
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The image is larger than " + maxBytes + " bytes").with("maxBytes", maxBytes);
    }

    /** 422 for an image that alone needs more memory than all decodes together may hold. */
    private ProblemException tooMuchMemory(MemoryNeed need) {
        return new ProblemException(422, "image-dimensions-too-large", "Image too large",
                "The image declares " + need.width() + " × " + need.height() + " pixels at " + need.bitsPerPixel()
                        + " bits a pixel; decoding it and making its renditions takes about " + megabytes(need.total())
                        + ", more than the " + megabytes(memory.capacity())
                        + " this instance may use for decoding images; a smaller image (fewer pixels, or 8 bits a"
                        + " sample instead of 16) is accepted")
                .with("width", need.width()).with("height", need.height())
                .with("bitsPerPixel", need.bitsPerPixel())
                .with("requiredBytes", need.total()).with("decodeMemoryBytes", memory.capacity());
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static ProblemException outOfMemory() {
        return new ProblemException(503, "image-too-complex", "Service busy",
                "Not enough memory to decode the image right now; retry later").header("Retry-After", "5");
    }

    private static ProblemException unreadable(String why) {
        return new ProblemException(422, "image-unreadable", "Image unreadable", "The file is not a usable image: " + why);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
