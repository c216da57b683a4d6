package io.waymark.customer.domain.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a filter's keys and values hold, none of it reaches the SQL text: only the params. */
class SegmentSqlInjectionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<String> HOSTILE = List.of(
            "x'; drop table customer; --",
            "') or 1=1 --",
            "$1",
            "$$ or true $$",
            "\" or \"\"=\"",
            "a\\b",
            "c.email is not null or true",
            "/* comment */",
            "'||pg_sleep(10)||'",
            "e'\\x27'");
    /** Every filter shape, with K for a key and V for a string value. */
    private static final List<String> TEMPLATES = List.of(
            "traits[K] = V", "traits[K] != V", "traits[K] in (V, V)", "traits[K] contains V", "traits[K] < V",
            "traits[K] >= 5", "traits[K] exists", "consent[K] = true", "consent[K] != false", "consent[K] exists",
            "externalIds[K] = V", "externalIds[K] != V", "externalIds[K] in (V)", "externalIds[K] exists",
            "email = V", "email != V", "email in (V, V)", "email contains V",
            "not (traits[K] = V or email = V) and externalIds[K] exists");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\d+::[a-z\\[\\]]+");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void hostileKeysAndValuesStayInTheParams(int hostile) {
        String text = HOSTILE.get(hostile);
        for (String template : TEMPLATES) {
            SqlFilter attacked = compile(template, text);
            SqlFilter harmless = compile(template, "k");

            assertEquals(harmless.where(), attacked.where(), "the SQL does not depend on the values: " + template);
            String withoutPlaceholders = PLACEHOLDER.matcher(attacked.where()).replaceAll("");
            assertFalse(withoutPlaceholders.contains("$"), attacked.where());
            assertFalse(withoutPlaceholders.contains(";"), attacked.where());
            assertFalse(withoutPlaceholders.contains("--"), attacked.where());
            assertFalse(withoutPlaceholders.contains("/*"), attacked.where());
            assertFalse(withoutPlaceholders.contains(text), attacked.where());
            assertTrue(attacked.params().stream().anyMatch(param -> String.valueOf(param).contains(text)
                    || String.valueOf(param).contains(text.replace("\\", "\\\\").replace("\"", "\\\""))),
                    "the hostile text travels as a param: " + template);
        }
    }

    private static SqlFilter compile(String template, String text) {
        String quoted = FilterText.quoted(text);
        String filter = template.replace("K", quoted).replace("V", quoted);
        return SegmentSql.compile(FilterParser.parse(filter, FilterScope.SEGMENT), NOW, 1);
    }
}
