package io.stipple.gallery.image;

import io.stipple.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImagePipelineTest {

    static final ImagePipeline.Settings SETTINGS = new ImagePipeline.Settings(20L * 1024 * 1024, 60_000_000L, 12_000,
            1600, 320, 0.9f, 0.85f, 0.8f);
    final ImagePipeline pipeline = new ImagePipeline(SETTINGS);

    @Test
    void jpegWithGpsExifComesBackWithoutAnyMetadata() {
        byte[] upload = TestImages.withComment(TestImages.withGpsExif(TestImages.jpeg(400, 300, 1), 1), "Shot by Dr Who");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "StippleCam", "Shot by Dr Who");
        assertThat(JpegSegments.headerSegments(upload)).anyMatch(s -> s.marker() == 0xE1);

        ImagePipeline.Result result = pipeline.process(upload);

        for (byte[] rendition : new byte[][]{result.full(), result.display(), result.thumbnail()}) {
            assertThat(JpegSegments.headerSegments(rendition)).noneMatch(JpegSegments.Segment::isAppOrComment);
            String text = new String(rendition, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("Exif", "StippleCam", "Shot by Dr Who", "JFIF", "http://ns.adobe.com");
            assertThat(JpegSegments.orientation(rendition)).isEqualTo(1);
        }
        assertThat(result.sourceFormat()).isEqualTo(ImageFormat.JPEG);
        assertThat(result.sha256()).isEqualTo(ImagePipeline.sha256(upload));
    }

    @Test
    void orientationIsAppliedBeforeReEncoding() throws IOException {
        // left half red, right half blue; orientation 6 = rotate 90° clockwise to display
        byte[] upload = TestImages.withGpsExif(TestImages.jpeg(400, 200, 2), 6);
        assertThat(JpegSegments.orientation(upload)).isEqualTo(6);

        ImagePipeline.Result result = pipeline.process(upload);

        assertThat(result.orientation()).isEqualTo(6);
        assertThat(result.width()).isEqualTo(200);
        assertThat(result.height()).isEqualTo(400);
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(result.full()));
        assertThat(full.getWidth()).isEqualTo(200);
        assertThat(full.getHeight()).isEqualTo(400);
        assertThat(dominant(full.getRGB(100, 50))).isEqualTo("red");   // the left half is now on top
        assertThat(dominant(full.getRGB(100, 350))).isEqualTo("blue");
    }

    @Test
    void everyOrientationLandsTheLeftHalfWhereTheTagSays() {
        BufferedImage src = TestImages.halves(40, 20, Color.RED, Color.BLUE, 3);
        src = ImageCodecs.toRgb(src);
        assertThat(dominant(ImageCodecs.orient(src, 1).getRGB(5, 10))).isEqualTo("red");
        assertThat(dominant(ImageCodecs.orient(src, 2).getRGB(5, 10))).isEqualTo("blue");
        assertThat(dominant(ImageCodecs.orient(src, 3).getRGB(5, 10))).isEqualTo("blue");
        assertThat(dominant(ImageCodecs.orient(src, 4).getRGB(5, 10))).isEqualTo("red");
        for (int o = 5; o <= 8; o++) {
            BufferedImage rotated = ImageCodecs.orient(src, o);
            assertThat(rotated.getWidth()).isEqualTo(20);
            assertThat(rotated.getHeight()).isEqualTo(40);
        }
        assertThat(dominant(ImageCodecs.orient(src, 5).getRGB(10, 5))).isEqualTo("red");
        assertThat(dominant(ImageCodecs.orient(src, 6).getRGB(10, 5))).isEqualTo("red");
        assertThat(dominant(ImageCodecs.orient(src, 7).getRGB(10, 5))).isEqualTo("blue");
        assertThat(dominant(ImageCodecs.orient(src, 8).getRGB(10, 5))).isEqualTo("blue");
    }

    @Test
    void rendersDisplayAndThumbnailWithinTheirSizes() throws IOException {
        ImagePipeline.Result result = pipeline.process(TestImages.jpeg(2000, 1500, 4));
        BufferedImage display = ImageIO.read(new ByteArrayInputStream(result.display()));
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(result.thumbnail()));
        assertThat(display.getWidth()).isEqualTo(1600);
        assertThat(display.getHeight()).isEqualTo(1200);
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(240);
        assertThat(result.width()).isEqualTo(2000);
    }

    @Test
    void acceptsPngWithAlphaAndWebp() throws IOException {
        ImagePipeline.Result png = pipeline.process(TestImages.pngWithAlpha(50, 40));
        assertThat(png.sourceFormat()).isEqualTo(ImageFormat.PNG);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.full())).getWidth()).isEqualTo(50);

        ImagePipeline.Result webp = pipeline.process(TestImages.webp());
        assertThat(webp.sourceFormat()).isEqualTo(ImageFormat.WEBP);
        assertThat(webp.width()).isEqualTo(1);
        assertThat(JpegSegments.headerSegments(webp.full())).noneMatch(JpegSegments.Segment::isAppOrComment);
    }

    @Test
    void sixteenBitPngsComeOutAsTheirColoursAcrossTheConversionStrips() throws IOException {
        for (boolean alpha : new boolean[]{false, true}) {
            ImagePipeline.Result result = pipeline.process(TestImages.png16(50, 200, alpha));
            BufferedImage full = ImageIO.read(new ByteArrayInputStream(result.full()));
            assertThat(full.getWidth()).isEqualTo(50);
            assertThat(full.getHeight()).isEqualTo(200);
            for (int y : new int[]{0, ImageCodecs.STRIP_ROWS - 1, ImageCodecs.STRIP_ROWS, 130, 199}) {
                int rgb = full.getRGB(25, y);
                // RGBA: alpha 0xC0C0 (75 %) over white
                int expected = alpha ? (255 * y / 199 * 3 + 255) / 4 : 255 * y / 199;
                assertThat((rgb >> 8) & 0xFF).as("green of row %d, alpha %s", y, alpha).isCloseTo(expected, within(8));
            }
        }
    }

    @Test
    void typeComesFromTheContentNotTheName() {
        assertThat(ImageFormat.detect(TestImages.jpeg(8, 8, 5))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(TestImages.png(8, 8, 5))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(TestImages.webp())).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.detect(TestImages.svg())).isEmpty();
        assertThat(ImageFormat.detect("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void refusesSvg() {
        assertRefused(TestImages.svg(), 415, "unsupported-image-type");
    }

    @Test
    void refusesHtmlJpegPolyglots() {
        assertRefused(TestImages.htmlJpegPolyglot(), 422, "image-active-content");
        assertRefused(TestImages.jpegWithHtmlTrailer(), 422, "image-active-content");
    }

    @Test
    void refusesTruncatedFiles() {
        assertRefused(TestImages.truncatedJpeg(), 422, "image-unreadable");
        byte[] png = TestImages.png(300, 200, 6);
        assertRefused(java.util.Arrays.copyOf(png, png.length / 2), 422, "image-unreadable");
    }

    @Test
    void refusesDecompressionBombsFromTheHeader() {
        assertRefused(TestImages.pngBomb(30_000, 30_000), 422, "image-dimensions-too-large");
        assertRefused(TestImages.jpegBomb(30_000, 30_000), 422, "image-dimensions-too-large");
        // under the pixel limit but a side too long
        assertRefused(TestImages.pngBomb(20_000, 10), 422, "image-dimensions-too-large");
    }

    @Test
    void refusesOversizedAndEmptyFiles() {
        ImagePipeline small = new ImagePipeline(new ImagePipeline.Settings(1000, 60_000_000L, 12_000, 1600, 320, 0.9f, 0.85f, 0.8f));
        assertThatThrownBy(() -> small.process(TestImages.jpeg(400, 300, 7)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(413));
        assertRefused(new byte[0], 422, "image-unreadable");
    }

    @Test
    void ordinaryPhotosDoNotTripTheMarkupScanner() {
        for (long seed = 0; seed < 20; seed++) {
            byte[] photo = TestImages.photoLike(320, 240, seed);
            assertThat(ActiveContentScanner.find(photo, ImageFormat.JPEG)).isEmpty();
        }
    }

    private void assertRefused(byte[] data, int status, String slug) {
        assertThatThrownBy(() -> pipeline.process(data))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(status);
                    assertThat(p.slug()).isEqualTo(slug);
                });
    }

    static String dominant(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r > g && r > b) return "red";
        if (b > r && b > g) return "blue";
        return g > r && g > b ? "green" : "grey";
    }
}
