package io.stipple.gallery.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the JPEG file structure for the pipeline: the EXIF orientation tag, the marker segments before
 * the image data (where metadata and polyglot payloads hide), the end-of-image marker, and stripping every
 * APPn/COM segment from an encoded file.
 */
public final class JpegSegments {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int COM = 0xFE;
    private static final int ORIENTATION_TAG = 0x0112;

    /** A marker segment: its marker byte and where its payload (after the length field) lies. */
    public record Segment(int marker, int payloadOffset, int payloadLength) {
        public boolean isAppOrComment() {
            return (marker >= 0xE0 && marker <= 0xEF) || marker == COM;
        }
    }

    private JpegSegments() {
    }

    /** The segments from SOI up to and including the first SOS (whose payload is just the scan header). */
    public static List<Segment> headerSegments(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int i = 2;
        while (i + 1 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                break; // not a marker where one must be: malformed, let the decoder complain
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == SOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (marker == EOI || i + 3 >= jpeg.length) {
                break;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > jpeg.length) {
                break;
            }
            segments.add(new Segment(marker, i + 4, length - 2));
            if (marker == SOS) {
                break;
            }
            i += 2 + length;
        }
        return segments;
    }

    /** Offset of the first byte after the first SOS header (the entropy-coded data), or -1. */
    public static int scanStart(byte[] jpeg) {
        for (Segment s : headerSegments(jpeg)) {
            if (s.marker() == SOS) {
                return s.payloadOffset() + s.payloadLength();
            }
        }
        return -1;
    }

    /**
     * Offset just after the image's EOI marker, or -1 when the image has none (a truncated file). Entropy-coded
     * data never contains FF D9 (0xFF is stuffed), so the first one after the scan start ends the image.
     */
    public static int endOfImage(byte[] jpeg) {
        int start = scanStart(jpeg);
        if (start < 0) {
            return -1;
        }
        for (int i = start; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == EOI) {
                return i + 2;
            }
        }
        return -1;
    }

    /** The EXIF orientation (1–8) from the APP1 segment; 1 when there is none or it cannot be read. */
    public static int orientation(byte[] jpeg) {
        for (Segment s : headerSegments(jpeg)) {
            if (s.marker() == 0xE1 && s.payloadLength() > 14 && isExif(jpeg, s.payloadOffset())) {
                int value = tiffOrientation(jpeg, s.payloadOffset() + 6, s.payloadOffset() + s.payloadLength());
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static boolean isExif(byte[] d, int at) {
        return d[at] == 'E' && d[at + 1] == 'x' && d[at + 2] == 'i' && d[at + 3] == 'f' && d[at + 4] == 0 && d[at + 5] == 0;
    }

    /** Reads tag 0x0112 of IFD0 of the TIFF structure in {@code [tiff, end)}; 1 on any inconsistency. */
    static int tiffOrientation(byte[] d, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little;
        if (d[tiff] == 'I' && d[tiff + 1] == 'I') {
            little = true;
        } else if (d[tiff] == 'M' && d[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        if (u16(d, tiff + 2, little) != 42) {
            return 1;
        }
        long ifd = u32(d, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int at = (int) (tiff + ifd);
        int entries = u16(d, at, little);
        for (int n = 0; n < entries; n++) {
            int entry = at + 2 + n * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(d, entry, little) == ORIENTATION_TAG) {
                int type = u16(d, entry + 2, little);
                return type == 3 ? u16(d, entry + 8, little) : 1; // SHORT, value inline
            }
        }
        return 1;
    }

    /**
     * Drops every APPn and COM segment (JFIF, EXIF with GPS, XMP, ICC, maker notes, comments) from a JPEG.
     * Everything from the first SOS on is copied as is.
     */
    public static byte[] stripMetadata(byte[] jpeg) {
        List<Segment> segments = headerSegments(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(SOI);
        for (Segment s : segments) {
            int start = s.payloadOffset() - 4;
            if (s.marker() == SOS) {
                out.write(jpeg, start, jpeg.length - start);
                return out.toByteArray();
            }
            if (!s.isAppOrComment()) {
                out.write(jpeg, start, s.payloadLength() + 4);
            }
        }
        throw new IllegalArgumentException("not a complete JPEG stream");
    }

    /** Text of a segment's payload (for metadata scanning), as ISO-8859-1 so every byte maps to one char. */
    static String latin1(byte[] d, int offset, int length) {
        return new String(d, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] d, int at, boolean little) {
        return little ? (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 : (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }

    private static long u32(byte[] d, int at, boolean little) {
        long b0 = d[at] & 0xFF, b1 = d[at + 1] & 0xFF, b2 = d[at + 2] & 0xFF, b3 = d[at + 3] & 0xFF;
        return little ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3;
    }
}
