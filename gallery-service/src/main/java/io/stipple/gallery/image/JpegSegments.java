package io.stipple.gallery.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the JPEG file structure for the pipeline: the marker segments before the image data (where
 * metadata and polyglot payloads hide, with their offsets so they can be dropped), the end-of-image marker, stripping
 * every APPn/COM segment from an encoded file, and the EXIF orientation (parsed by TwelveMonkeys imageio-metadata).
 */
public final class JpegSegments {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int COM = 0xFE;

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

    /**
     * The EXIF orientation (1–8) of IFD0 in the APP1 "Exif" segment, read with TwelveMonkeys' metadata readers;
     * 1 when there is none or it cannot be read.
     */
    public static int orientation(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            for (JPEGSegment exif : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
                InputStream tiff = exif.data();
                if (tiff.read() < 0) { // the pad byte after "Exif\0"
                    continue;
                }
                Directory directory = new TIFFReader().read(new MemoryCacheImageInputStream(tiff));
                Directory ifd0 = directory instanceof CompoundDirectory compound ? compound.getDirectory(0) : directory;
                Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number value && value.intValue() >= 1 && value.intValue() <= 8) {
                    return value.intValue();
                }
                return 1;
            }
        } catch (IOException | RuntimeException unreadable) {
            return 1; // malformed metadata: the decoder decides about the image itself
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
}
