package io.stipple.gallery.image;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

/** Images made by the tests themselves: ordinary photos, and every kind of file the pipeline must refuse. */
public final class TestImages {

    /** Orientation 6 and GPS position 53°28'N 2°14'W, as a phone would write them. */
    public static final String GPS_MARKER = "GPS";

    private TestImages() {
    }

    /** A JPEG whose left half is red and right half blue, with some noise so it compresses like a photo. */
    public static byte[] jpeg(int width, int height, long seed) {
        return encode(halves(width, height, Color.RED, Color.BLUE, seed), "jpeg");
    }

    public static byte[] png(int width, int height, long seed) {
        return encode(halves(width, height, Color.GREEN, Color.YELLOW, seed), "png");
    }

    /** A PNG with an alpha channel (half transparent). */
    public static byte[] pngWithAlpha(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 0, 255, 128));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return encode(image, "png");
    }

    /**
     * A PNG with 16 bits a sample (RGB, or RGBA when {@code alpha}), as scanners and raw converters write them:
     * the gradients of {@link #png8} widened to 16 bits, so even large ones stay small files.
     */
    public static byte[] png16(int width, int height, boolean alpha) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        short[] samples = ((DataBufferUShort) raster.getDataBuffer()).getData();
        int bands = alpha ? 4 : 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * bands;
                samples[at] = (short) (257 * (x * 255 / Math.max(1, width - 1)));
                samples[at + 1] = (short) (257 * (y * 255 / Math.max(1, height - 1)));
                samples[at + 2] = (short) 0x8080;
                if (alpha) {
                    samples[at + 3] = (short) 0xC0C0;
                }
            }
        }
        return encode(new BufferedImage(model, raster, false, null), "png");
    }

    /** The same gradients with 8 bits a sample (RGB), for comparing with {@link #png16}. */
    public static byte[] png8(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / Math.max(1, width - 1)) << 16 | (y * 255 / Math.max(1, height - 1)) << 8 | 0x80);
            }
        }
        return encode(image, "png");
    }

    /** An 8-bit grayscale JPEG (one component). */
    public static byte[] grayJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, width, height, Color.WHITE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return encode(image, "jpeg");
    }

    static BufferedImage halves(int width, int height, Color left, Color right, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color base = x < width / 2 ? left : right;
                int n = random.nextInt(24) - 12;
                image.setRGB(x, y, new Color(clamp(base.getRed() + n), clamp(base.getGreen() + n), clamp(base.getBlue() + n)).getRGB());
            }
        }
        return image;
    }

    /** A "photo" with gradients and noise, JPEG at the encoder's default quality. */
    public static byte[] photoLike(int width, int height, long seed) {
        return encode(photoPixels(width, height, seed), "jpeg");
    }

    /** The same, at a given JPEG quality (phones write 0.9–0.95, so files of several megabytes). */
    public static byte[] photoLike(int width, int height, long seed, float quality) {
        return ImageCodecs.encodeJpeg(photoPixels(width, height, seed), quality);
    }

    static BufferedImage photoPixels(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(16)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(16)) & 0xFF;
                int b = ((x + y) * 255 / (width + height) + random.nextInt(16)) & 0xFF;
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Inserts a hand-made EXIF APP1 segment right after SOI: IFD0 with Make, Orientation and a GPS IFD pointer;
     * the GPS IFD with latitude 53°28'N and longitude 2°14'W.
     */
    public static byte[] withGpsExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(512); // big-endian ("MM")
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: 3 entries
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int makeOffset = ifd0 + ifd0Size;            // "StippleCam\0" (11 bytes)
        byte[] make = "StippleCam\0".getBytes(StandardCharsets.US_ASCII);
        int gpsIfd = makeOffset + make.length + 1;   // word aligned
        int gpsIfdSize = 2 + 4 * 12 + 4;
        int latOffset = gpsIfd + gpsIfdSize;
        int lonOffset = latOffset + 24;
        tiff.putShort((short) 3);
        entry(tiff, 0x010F, 2, make.length, makeOffset);          // Make, ASCII
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsIfd);                        // GPS IFD pointer, LONG
        tiff.putInt(0);                                            // no IFD1
        tiff.put(make).put((byte) 0);
        tiff.putShort((short) 4);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(tiff, 0x0002, 5, 3, latOffset);                     // GPSLatitude, RATIONAL×3
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'W').put((byte) 0).putShort((short) 0);
        entry(tiff, 0x0004, 5, 3, lonOffset);                     // GPSLongitude, RATIONAL×3
        tiff.putInt(0);
        tiff.putInt(53).putInt(1).putInt(28).putInt(1).putInt(0).putInt(1);
        tiff.putInt(2).putInt(1).putInt(14).putInt(1).putInt(0).putInt(1);
        byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        int length = 2 + exifHeader.length + tiffBytes.length;
        segment.write(0xFF);
        segment.write(0xE1);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes(exifHeader);
        segment.writeBytes(tiffBytes);
        return insertAfterSoi(jpeg, segment.toByteArray());
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int valueOffset) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOffset);
    }

    /** Adds a COM segment (a comment) right after SOI. */
    public static byte[] withComment(byte[] jpeg, String text) {
        byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        int length = payload.length + 2;
        segment.write(0xFF);
        segment.write(0xFE);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes(payload);
        return insertAfterSoi(jpeg, segment.toByteArray());
    }

    static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A valid JPEG that is also an HTML page: the markup sits in a comment segment. */
    public static byte[] htmlJpegPolyglot() {
        return withComment(jpeg(64, 48, 7), "<html><body><script>fetch('/steal?c='+document.cookie)</script></body></html>");
    }

    /** A valid JPEG with an HTML page appended after its end-of-image marker. */
    public static byte[] jpegWithHtmlTrailer() {
        byte[] jpeg = jpeg(64, 48, 8);
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(jpeg, jpeg.length + html.length);
        System.arraycopy(html, 0, out, jpeg.length, html.length);
        return out;
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    /** The first 60 % of a real JPEG. */
    public static byte[] truncatedJpeg() {
        byte[] jpeg = jpeg(400, 300, 9);
        return Arrays.copyOf(jpeg, jpeg.length * 6 / 10);
    }

    /** A PNG that declares width × height pixels in its header but carries (almost) no pixel data. */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A 16 × 16 JPEG (a few hundred bytes) whose SOF0 frame header is changed to declare width × height: decoding
     * it would allocate the declared pixels.
     */
    public static byte[] jpegBomb(int width, int height) {
        byte[] bomb = jpeg(16, 16, 10);
        for (JpegSegments.Segment s : JpegSegments.headerSegments(bomb)) {
            if (s.marker() == 0xC0) {
                int at = s.payloadOffset(); // precision, height (2), width (2), ...
                bomb[at + 1] = (byte) (height >> 8);
                bomb[at + 2] = (byte) height;
                bomb[at + 3] = (byte) (width >> 8);
                bomb[at + 4] = (byte) width;
                return bomb;
            }
        }
        throw new IllegalStateException("no SOF0 in the encoder's output");
    }

    /** A 1×1 lossless WebP image. */
    public static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
