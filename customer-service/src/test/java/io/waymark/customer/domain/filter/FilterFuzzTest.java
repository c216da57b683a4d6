package io.waymark.customer.domain.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.waymark.platform.domain.Invalid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random input: a filter parses, compiles and evaluates, or is refused with Invalid; nothing else escapes. */
class FilterFuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<String> PIECES = List.of(
            "stage", "stageSince", "createdAt", "lastSeenAt", "email", "traits.plan", "traits.a.b", "traits[",
            "consent.sms", "externalIds.crm", "event.score", "event.a.0", "event", "traits", "=", "!=", "<", "<=",
            ">", ">=", "in", "contains", "exists", "and", "or", "not", "(", ")", "[", "]", ",", "\"PURCHASE\"",
            "\"retention\"", "\"2026-01-01\"", "\"2026-01-01T10:00:00Z\"", "\"x\\\"y\"", "\"", "\\", "1", "-2.5",
            "1234567890123456", "true", "false", "now", "now-30d", "now+1w", "now-99999w", "now-1x", "!", "@", "é",
            "\u0000", "\uD800", "\uD83D\uDE00", " ", " ", " ", "\t", "\n", ".", "-", "+", "$1", "'", ";");
    /** Fields with operators and values that fit them, so that most generated filters are valid. */
    private static final List<List<List<String>>> TYPED = List.of(
            List.of(List.of("stage"), List.of("=", "!=", "<", ">=", "in"), List.of("\"PURCHASE\"", "\"advocacy\"")),
            List.of(List.of("stageSince", "createdAt", "lastSeenAt"), List.of("=", "!=", "<", "<=", ">", ">="),
                    List.of("now", "now-30d", "now+2w", "\"2026-01-01\"", "\"2026-01-01T10:00:00+02:00\"")),
            List.of(List.of("email", "externalIds.crm", "externalIds[\"a b\"]"), List.of("=", "!=", "in"),
                    List.of("\"a@b.c\"", "\"A@B.C\"", "\"7\"", "\"\"")),
            List.of(List.of("consent.sms", "consent.push"), List.of("=", "!="), List.of("true", "false")),
            List.of(List.of("traits.plan", "traits.a.b", "traits[\"n\"]", "event.score", "event.a.0", "event.x"),
                    List.of("=", "!=", "in", "contains", "<", ">="), List.of("\"pro\"", "\"x\"", "1", "-2.5", "3.0")),
            List.of(List.of("traits.plan", "event.score", "email", "consent.sms", "lastSeenAt"), List.of("exists"),
                    List.of("")));
    private static final FilterSubject SUBJECT = new FilterSubject("RETENTION", NOW, NOW, null, "a@b.c",
            Map.of("plan", "pro", "a.b", List.of(1, "x"), "n", new BigDecimal("2.5")), Map.of("sms", true),
            Map.of("crm", "7"), Map.of("score", 3, "a", List.of(Map.of())));

    @Test
    void onlyInvalidEverComesOut() {
        Random random = new Random(20260301L);
        int parsed = 0;
        for (int run = 0; run < 30_000; run++) {
            String input = switch (run % 4) {
                case 0 -> randomChars(random);
                case 1 -> randomPieces(random);
                case 2 -> randomFilter(random, 0);
                default -> mutated(random, randomFilter(random, 0));
            };
            FilterScope scope = random.nextBoolean() ? FilterScope.SEGMENT : FilterScope.RULE;
            try {
                Filter filter = FilterParser.parse(input, scope);
                parsed++;
                assertEquals(filter, FilterParser.parse(FilterText.render(filter), scope), input);
                FilterEvaluator.evaluate(filter, SUBJECT, NOW);
                if (scope == FilterScope.SEGMENT) {
                    SegmentSql.compile(filter, NOW, 1);
                }
            } catch (Invalid invalid) {
                assertEquals("filter", invalid.errors().get(0).field(), input);
                assertTrue(invalid.errors().get(0).message().startsWith("at position "), input);
            } catch (RuntimeException | StackOverflowError e) {
                fail("input " + escaped(input) + " threw " + e, e);
            }
        }
        assertTrue(parsed > 2000, "the fuzz reaches valid filters too, not only errors: " + parsed);
    }

    /** A filter from the grammar, its predicates built from fields with operators and values that fit. */
    private static String randomFilter(Random random, int depth) {
        int choice = random.nextInt(depth > 3 ? 2 : 5);
        return switch (choice) {
            case 0, 1 -> predicate(random, TYPED.get(random.nextInt(TYPED.size())));
            case 2 -> "not " + randomFilter(random, depth + 1);
            case 3 -> "(" + randomFilter(random, depth + 1) + ")";
            default -> randomFilter(random, depth + 1) + (random.nextBoolean() ? " and " : " or ")
                    + randomFilter(random, depth + 1);
        };
    }

    private static String predicate(Random random, List<List<String>> typed) {
        String operator = pick(random, typed.get(1));
        String value = operator.equals("in") ? "(" + pick(random, typed.get(2)) + ", " + pick(random, typed.get(2))
                + ")" : pick(random, typed.get(2));
        return pick(random, typed.get(0)) + " " + operator + " " + value;
    }

    private static String mutated(Random random, String filter) {
        StringBuilder text = new StringBuilder(filter);
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
            case 0 -> text.deleteCharAt(at);
            case 1 -> text.insert(at, pick(random, PIECES));
            default -> text.setLength(at);
        }
        return text.toString();
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String randomPieces(Random random) {
        StringBuilder input = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            input.append(PIECES.get(random.nextInt(PIECES.size())));
            if (random.nextInt(3) > 0) {
                input.append(' ');
            }
        }
        return input.toString();
    }

    private static String randomChars(Random random) {
        StringBuilder input = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            input.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x10000)));
        }
        return input.toString();
    }

    private static String escaped(String input) {
        StringBuilder out = new StringBuilder();
        input.codePoints().forEach(c -> out.append(c >= 32 && c < 127 ? Character.toString(c)
                : String.format("\\u%04X", c)));
        return out.toString();
    }
}
