package io.waymark.feedback.domain.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The VADER wrapper on comments whose polarity nobody would dispute, and its two work-arounds. */
class SentimentScorerTest {

    private final SentimentScorer scorer = new SentimentScorer();

    @ParameterizedTest
    @ValueSource(strings = {
            "Terrible service. The delivery was late and the support agent was rude.",
            "I hate this product, it broke after one day. Awful!",
            "The worst checkout experience ever, horrible and frustrating.",
            "Not good."})
    void clearlyNegativeCommentsAreNegative(String comment) {
        Sentiment s = scorer.score(comment);
        assertTrue(s.score() <= -0.05, comment + " scored " + s.score());
        assertEquals(Sentiment.NEGATIVE, s.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Great service, fast delivery, I love it!",
            "Excellent support, the agent was friendly and very helpful. Thank you!",
            "Wonderful experience, everything was perfect."})
    void clearlyPositiveCommentsArePositive(String comment) {
        Sentiment s = scorer.score(comment);
        assertTrue(s.score() >= 0.05, comment + " scored " + s.score());
        assertEquals(Sentiment.POSITIVE, s.label());
    }

    @Test
    void negationCountsWhateverItsCase() {
        // the port matches negation words case-sensitively: "Not good." scored +0.44 before lowercasing
        assertEquals(scorer.score("not good.").score(), scorer.score("Not good.").score());
        assertTrue(scorer.score("NOT GOOD").score() < 0);
    }

    @Test
    void noCommentNoSentiment() {
        assertNull(scorer.score(null));
        assertNull(scorer.score("   \n"));
        assertEquals(Sentiment.NEUTRAL, scorer.score("I bought a chair on Tuesday.").label());
    }

    @Test
    void longTextIsScoredInChunksOfWholeSentencesAtMostThreeHundredCharacters() {
        String sentence = "The parcel arrived two weeks late and the support was awful. ";
        String text = sentence.repeat(30);
        List<String> chunks = SentimentScorer.chunks(text);
        assertTrue(chunks.size() >= text.length() / SentimentScorer.MAX_CHUNK, "chunks: " + chunks.size());
        chunks.forEach(c -> assertTrue(c.length() <= SentimentScorer.MAX_CHUNK, "chunk of " + c.length()));
        chunks.forEach(c -> assertTrue(c.endsWith("awful."), "whole sentences: " + c));
        assertEquals(text.strip().replaceAll("\\s+", " "), String.join(" ", chunks));
        assertTrue(scorer.score(text).score() < 0);
    }

    @Test
    void aSentenceWithoutBreaksIsCutAtSpacesAndAWordLongerThanAChunkIsCutHard() {
        String text = "word ".repeat(200) + "x".repeat(700);
        List<String> chunks = SentimentScorer.chunks(text);
        chunks.forEach(c -> assertTrue(c.length() <= SentimentScorer.MAX_CHUNK, "chunk of " + c.length()));
        assertEquals(text.replace(" ", "").length(), String.join("", chunks).replace(" ", "").length());
    }

    @Test
    void theLongestCommentStaysCheap() {
        String text = "The delivery was slow but the staff were kind and the product is fine. ".repeat(30)
                .substring(0, 2000);
        scorer.score(text); // warm up the lexicon and the JIT
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            scorer.score(text);
        }
        long millisEach = (System.nanoTime() - start) / 5 / 1_000_000;
        // unchunked this length took ~15-50 ms on a shared 2-core machine; chunked it is a few ms
        assertTrue(millisEach < 40, "2,000 characters took " + millisEach + " ms");
    }
}
