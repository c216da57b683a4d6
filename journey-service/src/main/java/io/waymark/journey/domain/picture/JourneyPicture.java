package io.waymark.journey.domain.picture;

import io.waymark.journey.domain.map.JourneyDocument;
import io.waymark.journey.domain.map.PainPoint;
import io.waymark.journey.domain.map.Stage;
import io.waymark.journey.domain.map.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The layout of a journey map picture: stages as columns over their touchpoints, one lane per kind of
 * information (touchpoint, customer action, emotion, pain points, opportunities), the designed emotion as a
 * curve and, with actuals, the measured one. Geometry and wrapped text only, as boxes, texts and curves with
 * their coordinates and style classes; the SVG itself is a template that draws them (all text escaped there).
 */
public record JourneyPicture(String title, String subtitle, int width, int height, List<Box> boxes,
                             List<Text> texts, List<Curve> curves) {

    static final int CARD = 170;
    static final int LABELS = 130;
    static final int TOP = 104;
    static final int HEADER = 48;
    static final int LINE = 15;
    static final int CHARS = 24;
    static final int EMOTION_LANE = 150;

    /** A rectangle; {@code title} (may be null) is its tooltip: the full text a card shows wrapped or cut. */
    public record Box(int x, int y, int width, int height, String style, String title) {

        Box(int x, int y, int width, int height, String style) {
            this(x, y, width, height, style, null);
        }

        public int corner() {
            return height > 2 ? 6 : 0;
        }
    }

    public record Text(int x, int y, String text, String style) {
    }

    /** A polyline (SVG {@code points}) with a dot per point. */
    public record Curve(String points, List<Point> dots, String style) {
    }

    public record Point(int x, int y) {
    }

    private record Lanes(int touchpoint, int action, int emotion, int pain, int opportunity, int end) {

        static Lanes below(int y) {
            int action = y + 86;
            int emotion = action + 80;
            int pain = emotion + EMOTION_LANE;
            int opportunity = pain + 120;
            return new Lanes(y, action, emotion, pain, opportunity, opportunity + 110);
        }

        int zero() {
            return emotion + EMOTION_LANE / 2;
        }

        int emotionY(double emotion) {
            return (int) Math.round(zero() - emotion * (EMOTION_LANE / 2.0 - 16) / 2);
        }
    }

    public static JourneyPicture of(JourneyDocument map, String versionLabel, Optional<Actuals> actuals) {
        List<Box> boxes = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        Lanes lanes = Lanes.below(TOP + HEADER);
        int width = Math.max(LABELS + CARD * map.stages().stream().mapToInt(s -> Math.max(1, s.touchpoints().size())).sum() + 20, 720);
        header(map, versionLabel, actuals, texts);
        String[] labels = {"Touchpoint", "Customer action", "Emotion", "Pain points", "Opportunities"};
        int[] tops = {lanes.touchpoint(), lanes.action(), lanes.emotion(), lanes.pain(), lanes.opportunity(), lanes.end()};
        for (int i = 0; i < labels.length; i++) {
            boxes.add(new Box(8, tops[i], width - 16, tops[i + 1] - tops[i], "lane"));
            texts.add(new Text(16, tops[i] + 18, labels[i], "lane-label"));
        }
        List<Point> designed = new ArrayList<>();
        List<Point> measured = new ArrayList<>();
        int x = LABELS;
        for (Stage stage : map.stages()) {
            int count = Math.max(1, stage.touchpoints().size());
            boxes.add(new Box(x + 2, TOP, count * CARD - 4, HEADER - 4, "stage"));
            texts.add(new Text(x + 12, TOP + 20, stage.name(), "stage-name"));
            texts.add(new Text(x + 12, TOP + 36, stage.lifecycleStage() == null ? "" : stage.lifecycleStage().name(), "lifecycle"));
            for (Touchpoint t : stage.touchpoints()) {
                touchpoint(t, x, lanes, actuals, boxes, texts, designed, measured);
                x += CARD;
            }
            x += stage.touchpoints().isEmpty() ? CARD : 0;
        }
        boxes.add(new Box(LABELS, lanes.zero(), width - LABELS - 10, 1, "zero"));
        for (int emotion = -2; emotion <= 2; emotion += 2) {
            texts.add(new Text(LABELS - 22, lanes.emotionY(emotion) + 4, emotion > 0 ? "+" + emotion : Integer.toString(emotion), "meta"));
        }
        List<Curve> curves = new ArrayList<>();
        curves.add(curve(designed, "designed"));
        if (!measured.isEmpty()) {
            curves.add(curve(measured, "measured"));
        }
        return new JourneyPicture(map.name(), "owned by " + map.ownerTeam() + " · " + versionLabel, width, lanes.end() + 30,
                boxes, texts, curves);
    }

    private static void header(JourneyDocument map, String versionLabel, Optional<Actuals> actuals, List<Text> texts) {
        texts.add(new Text(16, 30, map.name(), "title"));
        texts.add(new Text(16, 50, "owned by " + map.ownerTeam() + " · " + versionLabel
                + (actuals.isPresent() ? " · designed (solid) and measured (dashed) emotion" : ""), "meta"));
        if (map.persona() != null) {
            String quote = map.persona().quote() == null || map.persona().quote().isBlank() ? ""
                    : ": “" + map.persona().quote() + "”";
            texts.add(new Text(16, 70, "Persona " + map.persona().name() + quote, "action"));
        }
        actuals.flatMap(Actuals::unavailableBecause).ifPresent(why -> texts.add(new Text(16, 90, why, "note")));
    }

    private static void touchpoint(Touchpoint t, int x, Lanes lanes, Optional<Actuals> actuals, List<Box> boxes,
                                   List<Text> texts, List<Point> designed, List<Point> measured) {
        boxes.add(new Box(x + 6, lanes.touchpoint() + 6, CARD - 12, 74, "card", t.name()));
        lines(TextLines.wrap(t.name(), CHARS - 4, 2), x + 14, lanes.touchpoint() + 24, "tp-name", texts);
        texts.add(new Text(x + 14, lanes.touchpoint() + 72, t.channel() + " · " + t.ownerTeam(), "meta"));
        lines(TextLines.wrap(t.action(), CHARS, 4), x + 10, lanes.action() + 20, "action", texts);
        designed.add(new Point(x + CARD / 2, lanes.emotionY(t.emotion() == null ? 0 : t.emotion())));
        int y = lanes.pain() + 20;
        for (PainPoint p : t.painPoints().stream().limit(3).toList()) {
            String tone = p.severity() == null ? "pain-1" : "pain-" + p.severity();
            y = lines(TextLines.wrap(p.text(), CHARS - 2, 2), x + 10, y, tone, texts);
        }
        more(t.painPoints().size(), x, y, "pain-1", texts);
        y = lanes.opportunity() + 20;
        for (var o : t.opportunities().stream().limit(3).toList()) {
            y = lines(TextLines.wrap(o.text(), CHARS - 2, 2), x + 10, y, "opp-" + o.status(), texts);
        }
        more(t.opportunities().size(), x, y, "opp-idea", texts);
        if (actuals.isPresent() && actuals.get().unavailableBecause().isEmpty()) {
            Actuals.Touchpoint a = actuals.get().byTouchpoint().get(t.key());
            String line = a == null ? "not reached yet" : String.format(Locale.ROOT, "reach %.0f%% · drop %.0f%%",
                    a.reachedShare() * 100, a.dropOffShare() * 100);
            texts.add(new Text(x + 10, lanes.pain() - 8, line, "note"));
            if (a != null && a.emotion() != null) {
                measured.add(new Point(x + CARD / 2, lanes.emotionY(a.emotion())));
            }
        }
    }

    /** Writes the lines downwards from {@code y}; answers where the next line goes. */
    private static int lines(List<String> lines, int x, int y, String style, List<Text> texts) {
        for (String line : lines) {
            texts.add(new Text(x, y, line, style));
            y += LINE;
        }
        return y;
    }

    private static void more(int total, int x, int y, String style, List<Text> texts) {
        if (total > 3) {
            texts.add(new Text(x + 10, y, "+" + (total - 3) + " more", style));
        }
    }

    private static Curve curve(List<Point> points, String style) {
        StringBuilder text = new StringBuilder();
        points.forEach(p -> text.append(text.isEmpty() ? "" : " ").append(p.x()).append(',').append(p.y()));
        return new Curve(text.toString(), List.copyOf(points), style);
    }
}
