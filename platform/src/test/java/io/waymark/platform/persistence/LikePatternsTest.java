package io.waymark.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void wildcardsAndTheEscapeCharacterAreMatchedAsText() {
        assertEquals("%ada%", LikePatterns.containsIgnoringCase("Ada"));
        assertEquals("%50!% off!_now!!%", LikePatterns.containsIgnoringCase("50% OFF_now!"));
    }
}
