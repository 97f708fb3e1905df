package io.stipple.gallery.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Map;

/**
 * A 5×7 pixel font for the composite's labels. Drawn with rectangles, so labelling needs no installed fonts and
 * renders the same everywhere.
 *
 * <p>Kept instead of {@code java.awt.Font} on purpose (issue 17, "library first", checked): the JDK draws text only
 * through the system's fontconfig and font files. A development machine with DejaVu installed renders "SansSerif",
 * but the production image (Jib on the UBI OpenJDK 17 <em>runtime</em> base, deploy/README.md) is a minimal image
 * with the headless JDK: no font package, and fontconfig is what Quarkus' own AWT quickstart has to install into
 * that base for text in JVM mode. Jib cannot install packages, and without them {@code Graphics2D#drawString} fails
 * ("Fontconfig head is null" or no font at all), so every composite would be a 500. Replace this class when the image gets fonts (a base
 * image with fontconfig and a font package, or a font file bundled and loaded with {@code Font#createFont}).
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
