package io.stipple.gallery.image;

import java.util.Optional;

/** The image formats accepted for upload, recognised by their magic bytes only (never the name or declared type). */
public enum ImageFormat {
    JPEG, PNG, WEBP;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public static Optional<ImageFormat> detect(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (data.length >= 16 && startsWith(data, 0, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                && startsWith(data, 8, "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
