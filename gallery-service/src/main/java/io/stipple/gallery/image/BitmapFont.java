package io.stipple.gallery.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Map;

/**
 * A 5×7 pixel font for the composite's labels. Drawn with rectangles, so labelling needs no installed fonts
 * (slim container images have none) and renders the same everywhere.
 */
final class BitmapFont {

    static final int GLYPH_WIDTH = 5;
    static final int GLYPH_HEIGHT = 7;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('A', new String[]{" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"}),
            Map.entry('B', new String[]{"#### ", "#   #", "#   #", "#### ", "#   #", "#   #", "#### "}),
            Map.entry('D', new String[]{"#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### "}),
            Map.entry('E', new String[]{"#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"}),
            Map.entry('F', new String[]{"#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    "}),
            Map.entry('H', new String[]{"#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"}),
            Map.entry('L', new String[]{"#    ", "#    ", "#    ", "#    ", "#    ", "#    ", "#####"}),
            Map.entry('O', new String[]{" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "}),
            Map.entry('R', new String[]{"#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #"}),
            Map.entry('T', new String[]{"#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "}));

    private BitmapFont() {
    }

    /** Width in pixels of {@code text} drawn at {@code scale}. */
    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * (GLYPH_WIDTH + 1) - 1) * scale;
    }

    /** Draws upper-case {@code text} with its top-left corner at (x, y); unknown characters are blank. */
    static void draw(Graphics2D g, String text, int x, int y, int scale, Color color) {
        g.setColor(color);
        int cx = x;
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            String[] rows = GLYPHS.get(c);
            if (rows != null) {
                for (int row = 0; row < GLYPH_HEIGHT; row++) {
                    for (int col = 0; col < GLYPH_WIDTH; col++) {
                        if (rows[row].charAt(col) == '#') {
                            g.fillRect(cx + col * scale, y + row * scale, scale, scale);
                        }
                    }
                }
            }
            cx += (GLYPH_WIDTH + 1) * scale;
        }
    }
}
