package io.stipple.gallery.image;

import javax.imageio.ImageTypeSpecifier;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;

/**
 * The heap one image takes through the pipeline, worked out from its header before any pixel is decoded
 * ({@code P} = width × height). The pipeline goes through three stages, and each drops what the one before needed
 * (no reference keeps the decoded image once its BGR copy exists, or the unturned copy once the turned one does):
 * <ol>
 *   <li><b>decode</b>: the file's bytes once more in the decoder's in-memory stream cache, the raster the reader
 *       produces — width × height × the bits per pixel of its sample model (16-bit samples count 2 bytes: a 16-bit
 *       RGB PNG is 6 bytes a pixel, RGBA 8, an 8-bit RGB JPEG 3, gray 1) — and the 8-bit BGR copy every rendition is
 *       made from (3P, unless the reader already produced that layout, as it does for 8-bit RGB JPEG and PNG);</li>
 *   <li><b>orient</b>, when the EXIF orientation turns or flips the image: the BGR image and its turned copy (6P);</li>
 *   <li><b>render</b>: the upright BGR image (3P), the halvings down to the display size (3P/4 + 3P/16 + … &lt; P),
 *       the display rendition, its thumbnail and their encodes (at most 8 bytes × the display size's square) and the
 *       full-size JPEG in the encoder's growing buffer and the copies made while stripping its metadata (P: a q 0.90
 *       photo is about a third of a byte a pixel).</li>
 * </ol>
 * The need is the largest stage with every buffer of it counted as alive at once, plus {@link #GC_ROOM_PERCENT} %:
 * the garbage collector needs free room to place arrays this large (G1 puts each in its own run of contiguous
 * regions). Checked against the smallest {@code -Xmx} (G1, JDK 17) under which one image went through, less the
 * JVM's baseline and the caller's copy of the file: see the gallery README's memory model.
 */
public record MemoryNeed(int width, int height, int bitsPerPixel, long inputBytes, long decodedBytes,
                         long decodeStageBytes, long orientStageBytes, long renderStageBytes) {

    /** Room added for the garbage collector to place the large pixel arrays, in percent of the largest stage. */
    static final int GC_ROOM_PERCENT = 10;

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
        long bgr = 3 * pixels;
        long decoded = ((long) width * bits + 7) / 8 * height;
        boolean plainBgr = type != null && type.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
        long decodeStage = inputBytes + decoded + (plainBgr ? 0 : bgr);
        long orientStage = orientation >= 2 && orientation <= 8 ? 2 * bgr : 0;
        long renderStage = bgr + pixels + 8 * Math.min(pixels, (long) displayMaxSide * displayMaxSide) + pixels;
        return new MemoryNeed(width, height, bits, inputBytes, decoded, decodeStage, orientStage, renderStage);
    }

    /** Storage bits per pixel of a sample model: packed pixels by their stride, else one data element per band. */
    static int bitsPerPixel(SampleModel model) {
        if (model instanceof MultiPixelPackedSampleModel packed) {
            return packed.getPixelBitStride();
        }
        return model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType());
    }

    /** The largest stage with the collector's room: what the upload reserves from {@link DecodeMemory}. */
    public long total() {
        long peak = Math.max(decodeStageBytes, Math.max(orientStageBytes, renderStageBytes));
        return peak + peak * GC_ROOM_PERCENT / 100;
    }
}
