package io.waymark.customer.domain.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.waymark.platform.domain.Invalid;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserErrorsTest {

    private static final String SEGMENT_FIELDS = "stage, stageSince, createdAt, lastSeenAt, email, traits.<key>,"
            + " consent.<purpose>, externalIds.<system>";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("stageSince = and", "at position 14: expected a value after '=' but found 'and'"),
                Arguments.of("stag = \"PURCHASE\"", "at position 1: unknown field 'stag'; fields are "
                        + SEGMENT_FIELDS),
                Arguments.of("stage = \"PURCHSE\"", "at position 9: unknown stage \"PURCHSE\"; stages are AWARENESS,"
                        + " CONSIDERATION, PURCHASE, ONBOARDING, RETENTION, ADVOCACY"),
                Arguments.of("stage = PURCHASE", "at position 9: expected a value after '=' but found 'PURCHASE'"
                        + " (strings are written in double quotes)"),
                Arguments.of("(stage = \"PURCHASE\"", "at position 20: expected 'and', 'or' or ')' to close the '('"
                        + " at position 1 but found the end of the filter"),
                Arguments.of("stage = \"PURCHASE\")", "at position 19: this ')' closes no '('"),
                Arguments.of("email = \"a@b.c\" email exists", "at position 17: expected 'and', 'or' or the end of"
                        + " the filter but found 'email'"),
                Arguments.of("email < \"x\"", "at position 7: email does not take '<'; it takes =, !=, in, contains,"
                        + " exists"),
                Arguments.of("consent.email_marketing = \"yes\"", "at position 27: consent.email_marketing takes true"
                        + " or false, not \"yes\""),
                Arguments.of("traits.plan = \"pro", "at position 15: the string that starts here has no closing '\"'"),
                Arguments.of("traits.score > true", "at position 16: '>' compares numbers or strings, not true"),
                Arguments.of("createdAt > \"yesterday\"", "at position 13: \"yesterday\" is neither a date"
                        + " (\"2026-01-01\") nor a date-time with an offset (\"2026-01-01T10:00:00Z\") in the years 1"
                        + " to 9999"),
                Arguments.of("createdAt > \"2026-01-01T10:00:00\"", "at position 13: \"2026-01-01T10:00:00\" is"
                        + " neither a date (\"2026-01-01\") nor a date-time with an offset (\"2026-01-01T10:00:00Z\")"
                        + " in the years 1 to 9999"),
                Arguments.of("createdAt > now-30x", "at position 13: 'now-30x' is not a relative time; write now, or"
                        + " now-/now+ up to 5 digits and m (minutes), h, d or w: now-15m, now-12h, now-30d, now-2w"),
                Arguments.of("stage in ()", "at position 11: an 'in' list needs at least one value"),
                Arguments.of("stage in \"PURCHASE\"", "at position 10: expected '(' after 'in' but found"
                        + " '\"PURCHASE\"'"),
                Arguments.of("stage in (\"PURCHASE\" \"RETENTION\")", "at position 22: expected ',' or ')' in the"
                        + " 'in' list that starts at position 10 but found '\"RETENTION\"'"),
                Arguments.of("event.score > 5", "at position 1: event fields are for lifecycle rules; a segment"
                        + " filters customers by " + SEGMENT_FIELDS),
                Arguments.of("traits.plan ! \"pro\"", "at position 13: unexpected character '!'; write '!=' or 'not'"),
                Arguments.of("traits = 1", "at position 7: expected '.<key>' or '[\"<key>\"]' after 'traits'"),
                Arguments.of("traits.plan == \"x\"", "at position 14: expected a value after '=' but found '='"),
                Arguments.of("stage exists", "at position 7: stage does not take 'exists' (every customer has one);"
                        + " it takes =, !=, <, <=, >, >=, in"),
                Arguments.of("", "at position 1: expected a field but found the end of the filter"),
                Arguments.of("   ", "at position 4: expected a field but found the end of the filter"),
                Arguments.of("traits.plan = \"a\\nb\"", "at position 17: a backslash in a string escapes only \\\" or"
                        + " \\\\, not 'n'"),
                Arguments.of("email = \"x\" and", "at position 16: expected a field but found the end of the filter"),
                Arguments.of("traits.n = 1234567890123456", "at position 12: a number has at most 15 digits"),
                Arguments.of("traits.plan @ \"x\"", "at position 13: unexpected character '@'"),
                Arguments.of("lastSeenAt > 5", "at position 14: lastSeenAt takes a relative time (now-30d) or a"
                        + " date in double quotes (\"2026-01-01\"), not 5"),
                Arguments.of("traits.x = now", "at position 12: now is a time; only stageSince, createdAt and"
                        + " lastSeenAt compare with times"),
                Arguments.of("traits.a b = 1", "at position 10: expected an operator (=, !=, <, <=, >, >=, in,"
                        + " contains or exists) after 'traits.a' but found 'b'"),
                Arguments.of("traits[\"x\"", "at position 11: expected ']' after the key but found the end of the"
                        + " filter"),
                Arguments.of("traits[\"\"] exists", "at position 8: a key in brackets is 1-64 characters"),
                Arguments.of("traits.a+b = 1", "at position 8: a key after 'traits.' is 1-64 letters, digits, '_',"
                        + " '.' or '-'; write traits[\"...\"] for any other"),
                Arguments.of("traits.é = 1", "at position 8: unexpected character 'é'"),
                Arguments.of("and stage = \"PURCHASE\"", "at position 1: expected a field but found 'and'"),
                Arguments.of("stage.x = 1", "at position 1: unknown field 'stage.x'; fields are " + SEGMENT_FIELDS),
                Arguments.of("email = 5", "at position 9: email takes a string in double quotes, not 5"),
                Arguments.of("traits.plan = \"a\u0000\"", "at position 17: a string cannot hold U+0000"),
                Arguments.of("email = \"x\" or not", "at position 19: expected a field but found the end of the"
                        + " filter"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesWithThePositionAndWhatWasExpected(String text, String message) {
        Invalid invalid = assertThrows(Invalid.class, () -> FilterParser.parse(text, FilterScope.SEGMENT));

        assertEquals(1, invalid.errors().size());
        assertEquals("filter", invalid.errors().get(0).field());
        assertEquals(message, invalid.errors().get(0).message());
        assertEquals("filter: " + message, invalid.getMessage());
    }

    static Stream<Arguments> ruleErrors() {
        return Stream.of(
                Arguments.of("event = 1", "at position 6: expected '.<path>' after 'event'"),
                Arguments.of("event.a..b = 1", "at position 7: an event path is names of letters, digits, '_' or"
                        + " '-' joined by single dots, at most 200 characters (event.properties.plan)"),
                Arguments.of("event[\"a\"] = 1", "at position 6: an event path is written with dots, not brackets"
                        + " (event.properties.plan)"),
                Arguments.of("evnt.score = 1", "at position 1: unknown field 'evnt.score'; fields are "
                        + SEGMENT_FIELDS + ", event.<path>"));
    }

    @ParameterizedTest
    @MethodSource("ruleErrors")
    void refusesMalformedEventFieldsInRules(String text, String message) {
        Invalid invalid = assertThrows(Invalid.class, () -> FilterParser.parse(text, FilterScope.RULE));

        assertEquals(message, invalid.errors().get(0).message());
    }
}
