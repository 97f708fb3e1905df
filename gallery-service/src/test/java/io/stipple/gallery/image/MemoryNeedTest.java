package io.stipple.gallery.image;

import org.junit.jupiter.api.Test;

import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap an image is expected to take, from its header alone, for the pixel layouts the readers produce. */
class MemoryNeedTest {

    static final int W = 40;
    static final int H = 30;
    static final long P = W * H;
    /** Rendering at most: upright BGR (3P) + halvings (P) + display, thumbnail and encodes (8P, as the image is
     *  smaller than the display size) + the full-size JPEG (P). */
    static final long RENDER = 3 * P + P + 8 * P + P;

    final ImagePipeline pipeline = new ImagePipeline(ImagePipelineTest.SETTINGS);

    @Test
    void eightBitRgbJpegIsThreeBytesAPixelAndNeedsNoBgrCopy() {
        byte[] jpeg = TestImages.jpeg(W, H, 1);
        MemoryNeed need = pipeline.memoryNeed(jpeg);
        assertThat(need.bitsPerPixel()).isEqualTo(24);
        assertThat(need.decodedBytes()).isEqualTo(P * 3);
        assertThat(need.decodeStageBytes()).isEqualTo(jpeg.length + P * 3);
        assertThat(need.orientStageBytes()).isZero();
        assertThat(need.renderStageBytes()).isEqualTo(RENDER);
        assertThat(need.total()).isEqualTo(withGcRoom(Math.max(jpeg.length + P * 3, RENDER)));
    }

    @Test
    void eightBitGrayJpegIsOneByteAPixelPlusTheBgrCopy() {
        byte[] jpeg = TestImages.grayJpeg(W, H);
        MemoryNeed need = pipeline.memoryNeed(jpeg);
        assertThat(need.bitsPerPixel()).isEqualTo(8);
        assertThat(need.decodedBytes()).isEqualTo(P);
        assertThat(need.decodeStageBytes()).isEqualTo(jpeg.length + P + 3 * P);
        assertThat(need.total()).isEqualTo(withGcRoom(Math.max(jpeg.length + P + 3 * P, RENDER)));
    }

    @Test
    void sixteenBitPngsAreSixBytesAPixelAsRgbAndEightAsRgbaPlusTheBgrCopy() {
        for (boolean alpha : new boolean[]{false, true}) {
            byte[] png = TestImages.png16(W, H, alpha);
            MemoryNeed need = pipeline.memoryNeed(png);
            int bytesPerPixel = alpha ? 8 : 6;
            assertThat(need.bitsPerPixel()).isEqualTo(8 * bytesPerPixel);
            assertThat(need.decodedBytes()).isEqualTo(P * bytesPerPixel);
            assertThat(need.decodeStageBytes()).isEqualTo(png.length + P * bytesPerPixel + 3 * P);
            assertThat(need.total()).isEqualTo(withGcRoom(Math.max(png.length + P * bytesPerPixel + 3 * P, RENDER)));
        }
    }

    @Test
    void eightBitRgbPngIsThreeBytesAPixelAndSixteenBitTwiceThat() {
        MemoryNeed eight = pipeline.memoryNeed(TestImages.png8(W, H));
        MemoryNeed sixteen = pipeline.memoryNeed(TestImages.png16(W, H, false));
        assertThat(eight.decodedBytes()).isEqualTo(P * 3);
        assertThat(sixteen.decodedBytes()).isEqualTo(2 * eight.decodedBytes());
    }

    @Test
    void aTurnedJpegCountsTheImageAndItsTurnedCopy() {
        assertThat(pipeline.memoryNeed(TestImages.withGpsExif(TestImages.jpeg(W, H, 2), 1)).orientStageBytes()).isZero();
        assertThat(pipeline.memoryNeed(TestImages.withGpsExif(TestImages.jpeg(W, H, 2), 6)).orientStageBytes())
                .isEqualTo(6 * P);
    }

    @Test
    void theLargestStageIsWhatCounts() {
        // a big 16-bit image: decoding (file + 6P + 3P) outweighs rendering (5P + display); 2,000 px: display is 1600²
        MemoryNeed need = MemoryNeed.of(null, 2000, 2000, 1, 1_000_000, 1600);
        long p = 2000L * 2000;
        assertThat(need.decodeStageBytes()).isEqualTo(1_000_000 + 8 * p + 3 * p);
        assertThat(need.renderStageBytes()).isEqualTo(3 * p + p + 8L * 1600 * 1600 + p);
        assertThat(need.total()).isEqualTo(withGcRoom(1_000_000 + 11 * p));
    }

    @Test
    void theRenditionsAreBoundedByTheDisplaySizeNotTheImage() {
        ImagePipeline smallDisplay = new ImagePipeline(new ImagePipeline.Settings(20L * 1024 * 1024, 60_000_000L,
                12_000, 10, 5, 0.9f, 0.85f, 0.8f));
        MemoryNeed need = smallDisplay.memoryNeed(TestImages.jpeg(W, H, 3));
        assertThat(need.renderStageBytes()).isEqualTo(3 * P + P + 8 * 10 * 10 + P);
    }

    @Test
    void packedAndUnknownLayoutsAreCountedByTheirStorage() {
        assertThat(MemoryNeed.bitsPerPixel(new MultiPixelPackedSampleModel(DataBuffer.TYPE_BYTE, W, H, 1))).isEqualTo(1);
        MemoryNeed unknown = MemoryNeed.of(null, W, H, 1, 100, 1600);
        assertThat(unknown.bitsPerPixel()).isEqualTo(MemoryNeed.UNKNOWN_BITS_PER_PIXEL);
        assertThat(unknown.decodedBytes()).isEqualTo(P * 8);
    }

    /** The largest stage plus the 10 % room the collector needs to place its arrays. */
    static long withGcRoom(long peak) {
        return peak + peak / 10;
    }
}
