package io.stipple.gallery.image;

import javax.imageio.ImageTypeSpecifier;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;

/**
 * The heap one image takes through the pipeline, worked out from its header before any pixel is decoded
 * ({@code P} = width × height):
 * <ul>
 *   <li><b>input</b>: the file's bytes once more, in the decoder's in-memory stream cache;</li>
 *   <li><b>decoded</b>: the raster the reader produces — width × height × the bits per pixel of its sample model
 *       (16-bit samples count 2 bytes: a 16-bit RGB PNG is 6 bytes a pixel, RGBA 8, an 8-bit RGB JPEG 3, gray 1);</li>
 *   <li><b>working</b>: the 8-bit BGR copy every rendition is made from (3P, unless the reader already produced
 *       that layout, as it does for 8-bit RGB JPEG and PNG), the rotated copy when the EXIF orientation turns or
 *       flips it (3P), the halvings down to the display size (3P/4 + 3P/16 + … &lt; P), the display rendition, its
 *       thumbnail and their encodes (bounded by 8 bytes × the display size's square), and the full-size JPEG in the
 *       encoder's growing buffer and the copies made while stripping its metadata (P: a q 0.90 photo is about a
 *       third of a byte a pixel).</li>
 * </ul>
 * Every buffer is counted as if all were alive at once, which is a little more than the true peak. Measured as the
 * smallest {@code -Xmx} (G1, JDK 17) under which one image went through: a 12 MP JPEG with orientation 6 needs
 * ~119 MB beyond the JVM's baseline (computed 121 MB), a 9 MP 16-bit RGB PNG ~128 MB (computed 161 MB), a 9 MP
 * 16-bit RGBA PNG ~172 MB (computed 175 MB), a 9 MP JPEG with orientation 6 ~93 MB (computed 96 MB).
 */
public record MemoryNeed(int width, int height, int bitsPerPixel, long inputBytes, long decodedBytes, long workingBytes) {

    /** Assumed when the reader cannot say what it will produce: 16-bit RGBA, the widest accepted layout. */
    static final int UNKNOWN_BITS_PER_PIXEL = 64;

    /**
     * @param type        what {@code reader.read(0)} will produce (the first of {@code getImageTypes(0)}), or null
     * @param orientation the EXIF orientation that will be applied (1 = as stored)
     * @param inputBytes  the size of the uploaded file
     */
    public static MemoryNeed of(ImageTypeSpecifier type, int width, int height, int orientation, long inputBytes,
                                int displayMaxSide) {
        int bits = type == null ? UNKNOWN_BITS_PER_PIXEL : bitsPerPixel(type.getSampleModel());
        long pixels = (long) width * height;
        long decoded = ((long) width * bits + 7) / 8 * height;
        boolean plainBgr = type != null && type.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
        long working = (plainBgr ? 0 : 3 * pixels)
                + (orientation >= 2 && orientation <= 8 ? 3 * pixels : 0)
                + pixels
                + 8 * Math.min(pixels, (long) displayMaxSide * displayMaxSide)
                + pixels;
        return new MemoryNeed(width, height, bits, inputBytes, decoded, working);
    }

    /** Storage bits per pixel of a sample model: packed pixels by their stride, else one data element per band. */
    static int bitsPerPixel(SampleModel model) {
        if (model instanceof MultiPixelPackedSampleModel packed) {
            return packed.getPixelBitStride();
        }
        return model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType());
    }

    /** Everything together: what the upload reserves from {@link DecodeMemory}. */
    public long total() {
        return inputBytes + decodedBytes + workingBytes;
    }
}
