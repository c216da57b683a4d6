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
 * Scores comments with VADER (the com.github.apanimesh061 port; English only). Three defects of that port are
 * worked around here:
 * <ul>
 * <li>it matches negation words case-sensitively ("Not good." would score +0.44), so text is lowercased first,
 * which costs VADER's ALL-CAPS emphasis;</li>
 * <li>it finds each word by {@code List.indexOf}, so a word that appears twice is judged twice where it first
 * stands (negation, "but", intensifiers): "It looked good. But it is not good." scored +0.70. So each sentence
 * is scored on its own; within one sentence the defect stays (decision 011);</li>
 * <li>its time grows about quadratically with the length, so a sentence longer than {@value #MAX_CHUNK}
 * characters is cut at spaces into pieces of at most that.</li>
 * </ul>
 * The pieces are added up as VADER adds up words: each compound is turned back into VADER's sum of valences
 * (compound = sum / √(sum² + α), α = {@value #ALPHA}), the sums are added, and the total is normalised once. So
 * a neutral sentence does not dilute an unhappy one, and one sentence scores exactly as VADER scores it. A
 * fresh analyzer per piece: instances are not thread-safe (the lexicon is static and loaded once).
 */
@ApplicationScoped
public class SentimentScorer {

    static final int MAX_CHUNK = 300;
    /** VADER's normalisation constant (the port's {@code Constants.DEFAULT_ALPHA}). */
    static final double ALPHA = 15;
    /** The port rounds compounds to 4 places: ±1 would stand for an infinite sum. */
    private static final double LARGEST_COMPOUND = 0.9999;
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
        double sum = 0;
        for (String piece : chunks(comment.toLowerCase(Locale.ROOT))) {
            sum += valence(compound(piece));
        }
        return Sentiment.of(sum / Math.sqrt(sum * sum + ALPHA));
    }

    /** VADER's sum of valences behind a compound score (the inverse of its normalisation). */
    static double valence(double compound) {
        double c = Math.max(-LARGEST_COMPOUND, Math.min(LARGEST_COMPOUND, compound));
        return c * Math.sqrt(ALPHA / (1 - c * c));
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

    /** The sentences of the text, each cut at spaces into pieces of at most {@link #MAX_CHUNK} characters. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            chunks.addAll(pieces(sentence.strip()));
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
