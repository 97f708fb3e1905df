package io.stipple.gallery.image;

import io.stipple.platform.problem.ProblemException;

import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Turns uploaded bytes into the stored renditions, refusing anything that is not plainly an image:
 * <ol>
 *   <li>size limit (413);</li>
 *   <li>type from the magic bytes only: JPEG, PNG or WebP (else 415);</li>
 *   <li>no markup in metadata or trailing bytes: HTML polyglots are refused (422);</li>
 *   <li>width × height read from the header and checked against the pixel limit BEFORE any pixel is decoded,
 *       so a decompression bomb never allocates its pixels (422);</li>
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

    public ImagePipeline(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Result process(byte[] data) {
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
        BufferedImage decoded = decode(data, format);
        int orientation = format == ImageFormat.JPEG ? JpegSegments.orientation(data) : 1;
        BufferedImage upright = ImageCodecs.orient(ImageCodecs.toBgr(decoded), orientation);
        decoded.flush();
        // the full-size encode (the longest step) runs beside the renditions
        CompletableFuture<byte[]> full = CompletableFuture.supplyAsync(
                () -> ImageCodecs.encodeJpeg(upright, settings.fullQuality()), ENCODERS);
        BufferedImage display = ImageCodecs.fit(upright, settings.displayMaxSide());
        byte[] displayBytes = ImageCodecs.encodeJpeg(display, settings.displayQuality());
        BufferedImage thumbnail = ImageCodecs.fit(display, settings.thumbnailMaxSide());
        byte[] thumbnailBytes = ImageCodecs.encodeJpeg(thumbnail, settings.thumbnailQuality());
        return new Result(format, sha256(data), upright.getWidth(), upright.getHeight(), orientation, full.join(),
                displayBytes, thumbnailBytes);
    }

    private BufferedImage decode(byte[] data, ImageFormat format) {
        ImageReader reader = ImageCodecs.reader(format);
        List<String> warnings = new ArrayList<>();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height);
            if (format == ImageFormat.JPEG && JpegSegments.endOfImage(data) < 0) {
                throw unreadable("the JPEG data ends before the end-of-image marker (truncated file)");
            }
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw unreadable("the image data is damaged (" + warnings.get(0) + ")");
            }
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                throw unreadable("the decoded image does not match its header");
            }
            return image;
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable("it could not be decoded as " + format);
        } catch (OutOfMemoryError e) {
            throw new ProblemException(503, "image-too-complex", "Service busy",
                    "Not enough memory to decode the image right now; retry later").header("Retry-After", "5");
        } finally {
            reader.dispose();
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
