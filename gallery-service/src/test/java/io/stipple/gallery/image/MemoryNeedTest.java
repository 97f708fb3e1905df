package io.stipple.gallery.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap an image is expected to take, from its header alone, for the pixel layouts the readers produce. */
class MemoryNeedTest {

    static final int W = 40;
    static final int H = 30;
    static final long P = W * H;

    final ImagePipeline pipeline = new ImagePipeline(ImagePipelineTest.SETTINGS);

    @Test
    void eightBitRgbJpegIsThreeBytesAPixelAndNeedsNoBgrCopy() {
        byte[] jpeg = TestImages.jpeg(W, H, 1);
        MemoryNeed need = pipeline.memoryNeed(jpeg);
        assertThat(need.bitsPerPixel()).isEqualTo(24);
        assertThat(need.decodedBytes()).isEqualTo(P * 3);
        // halvings (P) + display, thumbnail and their encodes (8 × P, the image is smaller than the display size)
        // + the full-size JPEG (P); the reader's BGR layout is used as it is
        assertThat(need.workingBytes()).isEqualTo(P + 8 * P + P);
        assertThat(need.inputBytes()).isEqualTo(jpeg.length);
        assertThat(need.total()).isEqualTo(jpeg.length + P * 3 + 10 * P);
    }

    @Test
    void eightBitGrayJpegIsOneByteAPixelPlusTheBgrCopy() {
        byte[] jpeg = TestImages.grayJpeg(W, H);
        MemoryNeed need = pipeline.memoryNeed(jpeg);
        assertThat(need.bitsPerPixel()).isEqualTo(8);
        assertThat(need.decodedBytes()).isEqualTo(P);
        assertThat(need.workingBytes()).isEqualTo(3 * P + 10 * P);
        assertThat(need.total()).isEqualTo(jpeg.length + P + 13 * P);
    }

    @Test
    void sixteenBitRgbPngIsSixBytesAPixel() {
        byte[] png = TestImages.png16(W, H, false);
        MemoryNeed need = pipeline.memoryNeed(png);
        assertThat(need.bitsPerPixel()).isEqualTo(48);
        assertThat(need.decodedBytes()).isEqualTo(P * 6);
        assertThat(need.workingBytes()).isEqualTo(3 * P + 10 * P);
        assertThat(need.total()).isEqualTo(png.length + P * 6 + 13 * P);
    }

    @Test
    void sixteenBitRgbaPngIsEightBytesAPixel() {
        byte[] png = TestImages.png16(W, H, true);
        MemoryNeed need = pipeline.memoryNeed(png);
        assertThat(need.bitsPerPixel()).isEqualTo(64);
        assertThat(need.decodedBytes()).isEqualTo(P * 8);
        assertThat(need.total()).isEqualTo(png.length + P * 8 + 13 * P);
    }

    @Test
    void eightBitRgbPngIsThreeBytesAndSixteenBitTwiceThat() {
        MemoryNeed eight = pipeline.memoryNeed(TestImages.png8(W, H));
        MemoryNeed sixteen = pipeline.memoryNeed(TestImages.png16(W, H, false));
        assertThat(eight.decodedBytes()).isEqualTo(P * 3);
        assertThat(sixteen.decodedBytes()).isEqualTo(2 * eight.decodedBytes());
    }

    @Test
    void aTurnedJpegCountsItsRotatedCopy() {
        byte[] upright = TestImages.withGpsExif(TestImages.jpeg(W, H, 2), 1);
        byte[] turned = TestImages.withGpsExif(TestImages.jpeg(W, H, 2), 6);
        assertThat(pipeline.memoryNeed(turned).workingBytes() - pipeline.memoryNeed(upright).workingBytes())
                .isEqualTo(3 * P);
    }

    @Test
    void theRenditionsAreBoundedByTheDisplaySizeNotTheImage() {
        ImagePipeline smallDisplay = new ImagePipeline(new ImagePipeline.Settings(20L * 1024 * 1024, 60_000_000L,
                12_000, 10, 5, 0.9f, 0.85f, 0.8f));
        MemoryNeed need = smallDisplay.memoryNeed(TestImages.jpeg(W, H, 3));
        assertThat(need.workingBytes()).isEqualTo(P + 8 * 10 * 10 + P);
    }

    @Test
    void packedAndUnknownLayoutsAreCountedByTheirStorage() {
        assertThat(MemoryNeed.bitsPerPixel(new java.awt.image.MultiPixelPackedSampleModel(
                java.awt.image.DataBuffer.TYPE_BYTE, W, H, 1))).isEqualTo(1);
        MemoryNeed unknown = MemoryNeed.of(null, W, H, 1, 100, 1600);
        assertThat(unknown.bitsPerPixel()).isEqualTo(MemoryNeed.UNKNOWN_BITS_PER_PIXEL);
        assertThat(unknown.decodedBytes()).isEqualTo(P * 8);
    }
}
