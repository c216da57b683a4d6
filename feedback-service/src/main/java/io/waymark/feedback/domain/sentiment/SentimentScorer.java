package io.waymark.feedback.domain.sentiment;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scores comments with VADER (the com.github.apanimesh061 port; English only). Two defects of that port are
 * worked around here: it matches negation words case-sensitively ("Not good." would score +0.44), so text is
 * lowercased first, which costs VADER's ALL-CAPS emphasis; and its time grows about quadratically with the
 * length, so text is scored in chunks of at most {@value #MAX_CHUNK} characters (whole sentences where they
 * fit) and the chunks' compound scores are combined as a mean weighted by length. A fresh analyzer per chunk:
 * instances are not thread-safe (the lexicon is static and loaded once).
 */
@ApplicationScoped
public class SentimentScorer {

    static final int MAX_CHUNK = 300;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\R+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** Loads VADER's lexicon at start, so the first comment does not pay for it (~150 ms). */
    void warmUp(@Observes StartupEvent started) {
        score("warm up: not bad at all");
    }

    /** The comment's sentiment; null for no comment (or one with nothing but blanks). */
    public Sentiment score(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        double weighted = 0;
        int length = 0;
        for (String chunk : chunks(comment.toLowerCase(Locale.ROOT))) {
            weighted += compound(chunk) * chunk.length();
            length += chunk.length();
        }
        return Sentiment.of(length == 0 ? 0 : weighted / length);
    }

    /**
     * {@link #score} on a worker thread, the answer delivered back on the caller's Vert.x context (where its
     * database session lives): a 2,000-character comment costs ~10 ms, too long for an event loop. Without a
     * Vert.x context (tests, tools) it scores in place.
     */
    public Uni<Sentiment> scoreOffEventLoop(String comment) {
        Context context = Vertx.currentContext();
        if (comment == null || comment.isBlank() || context == null) {
            return Uni.createFrom().item(() -> score(comment));
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(() -> score(comment), false)
                .toCompletionStage());
    }

    /** Sentences packed into chunks of at most {@link #MAX_CHUNK} characters; a longer sentence is cut at spaces. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            for (String piece : pieces(sentence.strip())) {
                if (!current.isEmpty() && current.length() + 1 + piece.length() > MAX_CHUNK) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.isEmpty() ? "" : " ").append(piece);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** A sentence cut at spaces into parts of at most {@link #MAX_CHUNK} characters (a longer word is cut hard). */
    private static List<String> pieces(String sentence) {
        if (sentence.length() <= MAX_CHUNK) {
            return sentence.isEmpty() ? List.of() : List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String word : SPACE.split(sentence)) {
            for (int at = 0; at < word.length(); at += MAX_CHUNK) {
                String part = word.substring(at, Math.min(word.length(), at + MAX_CHUNK));
                if (!piece.isEmpty() && piece.length() + 1 + part.length() > MAX_CHUNK) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
                piece.append(piece.isEmpty() ? "" : " ").append(part);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private static double compound(String text) {
        try {
            SentimentAnalyzer analyzer = new SentimentAnalyzer(text);
            analyzer.analyze();
            Map<String, Float> polarity = analyzer.getPolarity();
            Float compound = polarity.get("compound");
            return compound == null || compound.isNaN() ? 0 : compound;
        } catch (IOException e) {
            throw new UncheckedIOException("VADER could not tokenize a comment", e);
        }
    }
}
