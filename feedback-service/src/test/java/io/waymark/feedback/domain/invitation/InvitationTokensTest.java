package io.waymark.feedback.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationTokensTest {

    @Test
    void tokensAre256RandomBitsSafeInAUrl() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = InvitationTokens.newToken();
            assertEquals(43, token.length());
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertTrue(InvitationTokens.looksValid(token));
            assertTrue(seen.add(token), "a token came twice");
        }
    }

    @Test
    void onlyTheSha256IsKept() {
        // SHA-256 of "abc", from FIPS 180-2
        assertArrayEquals(HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                InvitationTokens.hash("abc"));
        String token = InvitationTokens.newToken();
        assertArrayEquals(InvitationTokens.hash(token), InvitationTokens.hash(token));
        assertFalse(java.util.Arrays.equals(InvitationTokens.hash(token), InvitationTokens.hash(InvitationTokens.newToken())));
    }

    @Test
    void whatWasNeverHandedOutIsNotLookedUp() {
        assertFalse(InvitationTokens.looksValid(null));
        assertFalse(InvitationTokens.looksValid("short"));
        assertFalse(InvitationTokens.looksValid("a".repeat(42) + "/"));
        assertFalse(InvitationTokens.looksValid("a".repeat(44)));
    }
}
