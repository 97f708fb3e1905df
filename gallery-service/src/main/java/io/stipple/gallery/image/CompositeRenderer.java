package io.stipple.gallery.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * The side-by-side before/after image for the marketing front end: both halves scaled to the same height on a
 * dark canvas, each labelled above (BEFORE, and AFTER or HEALED).
 */
public final class CompositeRenderer {

    private static final Color BACKGROUND = new Color(0x1A, 0x1A, 0x1A);
    private static final Color LABEL = new Color(0xF5, 0xF5, 0xF5);

    private CompositeRenderer() {
    }

    public static byte[] render(byte[] beforeJpeg, byte[] afterJpeg, String leftLabel, String rightLabel,
                                int height, float quality) {
        BufferedImage left = ImageCodecs.toHeight(ImageCodecs.toRgb(ImageCodecs.decodeStoredJpeg(beforeJpeg)), height);
        BufferedImage right = ImageCodecs.toHeight(ImageCodecs.toRgb(ImageCodecs.decodeStoredJpeg(afterJpeg)), height);
        int gutter = Math.max(8, height / 50);
        int scale = Math.max(2, height / 160);
        int labelBand = BitmapFont.GLYPH_HEIGHT * scale + 2 * gutter;
        int width = gutter * 3 + left.getWidth() + right.getWidth();
        int canvasHeight = labelBand + height + gutter;
        BufferedImage canvas = new BufferedImage(width, canvasHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, canvasHeight);
            int leftX = gutter;
            int rightX = gutter * 2 + left.getWidth();
            g.drawImage(left, leftX, labelBand, null);
            g.drawImage(right, rightX, labelBand, null);
            int textY = gutter;
            BitmapFont.draw(g, leftLabel, leftX + (left.getWidth() - BitmapFont.width(leftLabel, scale)) / 2, textY, scale, LABEL);
            BitmapFont.draw(g, rightLabel, rightX + (right.getWidth() - BitmapFont.width(rightLabel, scale)) / 2, textY, scale, LABEL);
        } finally {
            g.dispose();
        }
        return ImageCodecs.encodeJpeg(canvas, quality);
    }
}
