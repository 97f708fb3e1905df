package io.stipple.gallery.image;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeRendererTest {

    @Test
    void rendersBothHalvesSideBySideAtTheSameHeightWithLabels() throws IOException {
        byte[] before = ImageCodecs.encodeJpeg(TestImages.halves(400, 300, java.awt.Color.RED, java.awt.Color.RED, 1), 0.9f);
        byte[] after = ImageCodecs.encodeJpeg(TestImages.halves(300, 400, java.awt.Color.BLUE, java.awt.Color.BLUE, 2), 0.9f);

        byte[] composite = CompositeRenderer.render(before, after, "BEFORE", "HEALED", 400, 0.9f);

        assertThat(JpegSegments.headerSegments(composite)).noneMatch(JpegSegments.Segment::isAppOrComment);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(composite));
        int gutter = 8;
        int scale = 2;
        int band = 7 * scale + 2 * gutter;
        // 400x300 at height 400 is 533 wide; 300x400 stays 300 wide
        assertThat(image.getWidth()).isEqualTo(3 * gutter + 533 + 300);
        assertThat(image.getHeight()).isEqualTo(band + 400 + gutter);
        assertThat(ImagePipelineTest.dominant(image.getRGB(gutter + 266, band + 200))).isEqualTo("red");
        assertThat(ImagePipelineTest.dominant(image.getRGB(2 * gutter + 533 + 150, band + 200))).isEqualTo("blue");
        // the label band holds light label pixels above each half, and is otherwise dark
        assertThat(lightPixels(image, gutter, 0, 533, band)).isPositive();
        assertThat(lightPixels(image, 2 * gutter + 533, 0, 300, band)).isPositive();
    }

    private static int lightPixels(BufferedImage image, int x0, int y0, int w, int h) {
        int count = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (((image.getRGB(x, y) >> 8) & 0xFF) > 200) {
                    count++;
                }
            }
        }
        return count;
    }
}
