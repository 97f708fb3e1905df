package io.stipple.gallery.image;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The EXIF orientation as the pipeline reads it (TwelveMonkeys' readers), including what it makes of bad metadata. */
class JpegSegmentsTest {

    private final byte[] plain = TestImages.jpeg(16, 8, 3);

    @Test
    void every_exif_orientation_is_read_from_ifd0() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertThat(JpegSegments.orientation(TestImages.withGpsExif(plain, orientation))).as("orientation %d", orientation)
                    .isEqualTo(orientation);
        }
    }

    @Test
    void no_exif_an_out_of_range_value_or_unreadable_exif_is_upright() {
        assertThat(JpegSegments.orientation(plain)).isEqualTo(1);
        assertThat(JpegSegments.orientation(TestImages.withGpsExif(plain, 9))).isEqualTo(1);
        assertThat(JpegSegments.orientation(TestImages.withGpsExif(plain, 0))).isEqualTo(1);
        assertThat(JpegSegments.orientation(TestImages.insertAfterSoi(plain, app1("Exif\0\0MM\0*garbage")))).isEqualTo(1);
        assertThat(JpegSegments.orientation(TestImages.insertAfterSoi(plain, app1("Exif\0\0")))).isEqualTo(1);
        assertThat(JpegSegments.orientation(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEqualTo(1);
    }

    private static byte[] app1(String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        byte[] segment = new byte[data.length + 4];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) ((data.length + 2) >> 8);
        segment[3] = (byte) (data.length + 2);
        System.arraycopy(data, 0, segment, 4, data.length);
        return segment;
    }
}
