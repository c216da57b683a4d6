package io.waymark.feedback.domain.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VADER wrapper on comments whose polarity nobody would dispute, its work-arounds, and the limit it keeps.
 * Its cost is bounded by the pieces it hands VADER (at most 300 characters each), tested here; its speed is not
 * (a timed test fails on a busy machine and proves nothing on an idle one).
 */
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
    void aWordRepeatedInALaterSentenceIsJudgedWhereItStands() {
        // the port finds a word by List.indexOf, so in one text "good" was judged twice at its first place,
        // without the "not" before the second: +0.70. Each sentence is scored on its own
        Sentiment s = scorer.score("It looked good. But it is not good.");
        assertEquals(Sentiment.NEGATIVE, s.label(), "scored " + s.score());
        assertEquals(Sentiment.NEGATIVE, scorer.score("The box is great. Sadly the phone is not great, it is bad.").label());
    }

    @Test
    void withinOneSentenceARepeatedWordIsStillJudgedAtItsFirstPlace() {
        // a known limit of the port (decision 011): the second "good" is judged where the first stands, so the
        // "not" before it is missed and the "but" weighs it like the first. This pins it; it is not a wish
        Sentiment s = scorer.score("It looked good, but it is not good.");
        assertEquals(Sentiment.POSITIVE, s.label(), "scored " + s.score());
        assertEquals(scorer.score("It looked good, but it is good.").score(), s.score());
    }

    @Test
    void aNeutralSentenceDoesNotDiluteAnUnhappyOne() {
        // sentences are added up as VADER adds up words, not averaged by length: the long neutral sentence
        // leaves "Terrible." as negative as VADER finds the whole text
        Sentiment alone = scorer.score("Terrible.");
        Sentiment with = scorer.score("I ordered on Monday and it arrived on Friday after I called them twice. Terrible.");
        assertEquals(alone.score(), with.score(), 0.01);
        assertTrue(with.score() <= -0.4, "scored " + with.score());
    }

    @Test
    void oneSentenceScoresAsVaderScoresIt() {
        assertEquals(0.4404, scorer.score("It looked good.").score(), 1e-4);
        assertEquals(-0.3412, scorer.score("It is not good.").score(), 1e-4);
    }

    @Test
    void noCommentNoSentiment() {
        assertNull(scorer.score(null));
        assertNull(scorer.score("   \n"));
        assertEquals(Sentiment.NEUTRAL, scorer.score("I bought a chair on Tuesday.").label());
    }

    @Test
    void longTextIsScoredSentenceBySentence() {
        String sentence = "The parcel arrived two weeks late and the support was awful. ";
        String text = sentence.repeat(30);
        List<String> chunks = SentimentScorer.chunks(text);
        assertEquals(30, chunks.size());
        chunks.forEach(c -> assertEquals(sentence.strip(), c));
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
}
