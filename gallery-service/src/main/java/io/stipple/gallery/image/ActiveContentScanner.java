package io.stipple.gallery.image;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds markup hidden in an image: an HTML/JPEG polyglot carries its HTML in a comment, an APP segment, a PNG
 * text chunk or after the end of the image, where a browser that sniffs content would find it. Only those places
 * (and the first kilobyte, the sniffing window) are searched, never the compressed pixel data, so ordinary photos
 * cannot trip it by chance.
 */
public final class ActiveContentScanner {

    private static final List<String> MARKERS = List.of(
            "<html", "<script", "<svg", "<!doctype", "<iframe", "<body", "<object", "<embed", "<meta",
            "<link", "<style", "<img", "<a href", "javascript:", "onerror=", "onload=");
    private static final int SNIFF_WINDOW = 1024;

    private ActiveContentScanner() {
    }

    /** The first markup marker found in the places a polyglot hides it, if any. */
    public static Optional<String> find(byte[] data, ImageFormat format) {
        Optional<String> found = search(data, 0, Math.min(data.length, SNIFF_WINDOW));
        if (found.isPresent()) {
            return found;
        }
        return switch (format) {
            case JPEG -> jpeg(data);
            case PNG -> png(data);
            case WEBP -> webp(data);
        };
    }

    private static Optional<String> jpeg(byte[] data) {
        for (JpegSegments.Segment s : JpegSegments.headerSegments(data)) {
            Optional<String> found = search(data, s.payloadOffset(), s.payloadOffset() + s.payloadLength());
            if (found.isPresent()) {
                return found;
            }
        }
        int end = JpegSegments.endOfImage(data);
        return end > 0 ? search(data, end, data.length) : Optional.empty();
    }

    private static Optional<String> png(byte[] data) {
        int at = 8;
        while (at + 12 <= data.length) {
            long length = ((data[at] & 0xFFL) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
                    | (data[at + 3] & 0xFF);
            String type = new String(data, at + 4, 4, StandardCharsets.ISO_8859_1);
            long next = at + 12 + length;
            if (length < 0 || next > data.length) {
                return search(data, at, data.length); // damaged: search the rest, the decoder will refuse it anyway
            }
            if (!type.equals("IDAT")) {
                Optional<String> found = search(data, at + 8, (int) (at + 8 + length));
                if (found.isPresent()) {
                    return found;
                }
            }
            at = (int) next;
            if (type.equals("IEND")) {
                return search(data, at, data.length);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> webp(byte[] data) {
        long riffEnd = Math.min(data.length, 8 + (((data[4] & 0xFFL)) | ((data[5] & 0xFF) << 8) | ((data[6] & 0xFF) << 16)
                | ((long) (data[7] & 0xFF) << 24)));
        int at = 12;
        while (at + 8 <= riffEnd) {
            String type = new String(data, at, 4, StandardCharsets.ISO_8859_1);
            long size = (data[at + 4] & 0xFFL) | ((data[at + 5] & 0xFF) << 8) | ((data[at + 6] & 0xFF) << 16)
                    | ((long) (data[at + 7] & 0xFF) << 24);
            long next = at + 8 + size + (size & 1);
            if (next > data.length) {
                return search(data, at, data.length);
            }
            if (!List.of("VP8 ", "VP8L", "ALPH", "ANMF").contains(type)) {
                Optional<String> found = search(data, at + 8, (int) (at + 8 + size));
                if (found.isPresent()) {
                    return found;
                }
            }
            at = (int) next;
        }
        return search(data, (int) riffEnd, data.length);
    }

    static Optional<String> search(byte[] data, int from, int to) {
        if (to <= from) {
            return Optional.empty();
        }
        String text = new String(data, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (text.contains(marker)) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }
}
