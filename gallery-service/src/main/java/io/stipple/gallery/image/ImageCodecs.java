package io.stipple.gallery.image;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The codecs, chosen explicitly rather than through ImageIO's plugin registry (whose class-loader scan misses
 * plugins in some runtimes): the JDK's own JPEG and PNG codecs, TwelveMonkeys' WebP reader. Also the pixel
 * helpers every rendition uses.
 */
public final class ImageCodecs {

    static {
        ImageIO.setUseCache(false); // keep decoding in memory: no temporary files with image data on disk
    }

    private ImageCodecs() {
    }

    public static ImageReader reader(ImageFormat format) {
        return switch (format) {
            case JPEG -> jdkReader("jpeg");
            case PNG -> jdkReader("png");
            case WEBP -> new WebPImageReaderSpi().createReaderInstance(null);
        };
    }

    private static ImageReader jdkReader(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        ImageReader fallback = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
                return reader;
            }
            fallback = fallback == null ? reader : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("no " + format + " reader in this JVM");
        }
        return fallback;
    }

    private static ImageWriter jpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter fallback = null;
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
            fallback = fallback == null ? writer : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("no JPEG writer in this JVM");
        }
        return fallback;
    }

    /** Encodes as baseline JPEG and strips every APPn/COM segment the encoder wrote: no metadata at all. */
    public static byte[] encodeJpeg(BufferedImage image, float quality) {
        ImageWriter writer = jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(16_384, image.getWidth() * image.getHeight() / 4));
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return JpegSegments.stripMetadata(bytes.toByteArray());
    }

    /** Decodes a JPEG this service wrote (a stored rendition). */
    public static BufferedImage decodeStoredJpeg(byte[] jpeg) {
        ImageReader reader = reader(ImageFormat.JPEG);
        try (javax.imageio.stream.MemoryCacheImageInputStream in =
                     new javax.imageio.stream.MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException("stored rendition cannot be decoded", e);
        } finally {
            reader.dispose();
        }
    }

    /** 8-bit RGB without alpha (transparent areas on white); returns the image itself when it already is. */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * 8-bit BGR without alpha (transparent areas on white), the layout the JPEG encoder takes fastest, with the
     * pixels in one plain array; returns the image itself when it already is one. Drawn in strips of
     * {@link #STRIP_ROWS} rows: Java 2D converts a layout it has no direct loop for (16 bits a sample, for one)
     * through a temporary INT_ARGB copy of what it draws, which would otherwise be a second full-size image (4 bytes
     * a pixel) on top of the source and the result.
     */
    public static BufferedImage toBgr(BufferedImage image) {
        if (isPlainBgr(image)) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int y = 0; y < height; y += STRIP_ROWS) {
                g.drawImage(image.getSubimage(0, y, width, Math.min(STRIP_ROWS, height - y)), 0, y, null);
            }
        } finally {
            g.dispose();
        }
        return bgr;
    }

    /** Rows converted at a time by {@link #toBgr}: a 12,000 px wide strip's temporary copy is 3 MB. */
    static final int STRIP_ROWS = 64;

    private static boolean isPlainBgr(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && buffer.getData().length == image.getWidth() * image.getHeight() * 3
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0;
    }

    /**
     * Applies an EXIF orientation (1–8) so the pixels stand the way the camera meant; the orientation tag itself
     * is not written again. Copies raw BGR triplets (the per-pixel getRGB/setRGB path costs seconds on 12 MP).
     */
    public static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        BufferedImage src = toBgr(image);
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        BufferedImage dst = new BufferedImage(dw, dh, BufferedImage.TYPE_3BYTE_BGR);
        byte[] in = bytes(src);
        byte[] out = bytes(dst);
        for (int sy = 0; sy < h; sy++) {
            int row = sy * w * 3;
            for (int sx = 0; sx < w; sx++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - sx; dy = sy; }
                    case 3 -> { dx = w - 1 - sx; dy = h - 1 - sy; }
                    case 4 -> { dx = sx; dy = h - 1 - sy; }
                    case 5 -> { dx = sy; dy = sx; }
                    case 6 -> { dx = h - 1 - sy; dy = sx; }
                    case 7 -> { dx = h - 1 - sy; dy = w - 1 - sx; }
                    default -> { dx = sy; dy = w - 1 - sx; } // 8
                }
                int from = row + sx * 3;
                int to = (dy * dw + dx) * 3;
                out[to] = in[from];
                out[to + 1] = in[from + 1];
                out[to + 2] = in[from + 2];
            }
        }
        return dst;
    }

    /** Half size by averaging each 2 × 2 block of a plain BGR image: a fast, alias-free first step down. */
    static BufferedImage halveBgr(BufferedImage src) {
        int w = src.getWidth() / 2;
        int h = src.getHeight() / 2;
        int stride = src.getWidth() * 3;
        byte[] in = bytes(src);
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = bytes(dst);
        for (int y = 0; y < h; y++) {
            int top = 2 * y * stride;
            int bottom = top + stride;
            int to = y * w * 3;
            for (int x = 0; x < w; x++) {
                int a = top + 6 * x;
                int b = bottom + 6 * x;
                for (int c = 0; c < 3; c++) {
                    out[to++] = (byte) (((in[a + c] & 0xFF) + (in[a + 3 + c] & 0xFF) + (in[b + c] & 0xFF)
                            + (in[b + 3 + c] & 0xFF) + 2) >> 2);
                }
            }
        }
        return dst;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /** Scales down so the longest side is at most {@code maxSide} (halving first, for quality); never scales up. */
    public static BufferedImage fit(BufferedImage src, int maxSide) {
        int w = src.getWidth();
        int h = src.getHeight();
        int longest = Math.max(w, h);
        if (longest <= maxSide) {
            return src;
        }
        double factor = (double) maxSide / longest;
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = src;
        while (current.getWidth() / 2 >= tw && current.getHeight() / 2 >= th) {
            current = isPlainBgr(current) ? halveBgr(current) : resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == tw && current.getHeight() == th ? current : resize(current, tw, th);
    }

    /** Scales to exactly {@code height} pixels high, keeping the aspect ratio. */
    public static BufferedImage toHeight(BufferedImage src, int height) {
        if (src.getHeight() == height) {
            return src;
        }
        int width = Math.max(1, (int) Math.round(src.getWidth() * (double) height / src.getHeight()));
        if (height < src.getHeight()) {
            BufferedImage current = src;
            while (current.getHeight() / 2 >= height) {
                current = resize(current, Math.max(1, current.getWidth() / 2), current.getHeight() / 2);
            }
            return resize(current, width, height);
        }
        return resize(src, width, height);
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
