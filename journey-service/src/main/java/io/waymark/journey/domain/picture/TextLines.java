package io.waymark.journey.domain.picture;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for fixed-width cards: SVG text does not wrap by itself. */
final class TextLines {

    private TextLines() {
    }

    /** At most {@code maxLines} lines of at most {@code width} characters; a cut text ends with an ellipsis. */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width - 1) + "-");
                word = word.substring(width - 1);
            }
            if (line.length() + word.length() + (line.isEmpty() ? 0 : 1) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            kept.set(maxLines - 1, (last.length() >= width ? last.substring(0, width - 1) : last) + "…");
            return kept;
        }
        return lines;
    }
}
