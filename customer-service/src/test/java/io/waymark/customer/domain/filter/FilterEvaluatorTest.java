package io.waymark.customer.domain.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final FilterSubject ANN = new FilterSubject("ONBOARDING", Instant.parse("2026-02-20T00:00:00Z"),
            Instant.parse("2025-12-01T08:30:00Z"), null, "Ann@Example.com", traits(),
            Map.of("email_marketing", true, "sms", false), Map.of("crm", "42"), Map.of(
                    "score", 10L,
                    "properties", Map.of("plan", "pro", "amount", new BigDecimal("9.99")),
                    "items", List.of(Map.of("sku", "A-1"))));

    private static Map<String, Object> traits() {
        Map<String, Object> traits = new HashMap<>();
        traits.put("plan", "pro");
        traits.put("score", 10);
        traits.put("ratio", 0.5);
        traits.put("tags", List.of("beta", "vip"));
        traits.put("big", new BigDecimal("12345678901.5"));
        traits.put("flag", true);
        traits.put("nothing", null);
        traits.put("plan.tier", "gold");
        traits.put("symbol", "\uFFFF");
        return traits;
    }

    private static Evaluation evaluate(String filter, FilterSubject subject) {
        return FilterEvaluator.evaluate(FilterParser.parse(filter, FilterScope.RULE), subject, NOW);
    }

    private static boolean matches(String filter) {
        return evaluate(filter, ANN).matches();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stage = \"onboarding\"                      | true",
            "stage != \"ONBOARDING\"                     | false",
            "stage in (\"PURCHASE\", \"ONBOARDING\")     | true",
            "stage >= \"PURCHASE\"                       | true",
            "stage > \"ONBOARDING\"                      | false",
            "stage <= \"ONBOARDING\"                     | true",
            "stage < \"ONBOARDING\"                      | false",
            "stageSince < now-7d                         | true",
            "stageSince < now-10d                        | false",
            "stageSince = \"2026-02-20\"                 | true",
            "stageSince != \"2026-02-20T00:00:00Z\"      | false",
            "createdAt >= \"2025-12-01T09:30:00+01:00\"  | true",
            "createdAt > \"2025-12-01T09:30:00+01:00\"   | false",
            "lastSeenAt exists                           | false",
            "lastSeenAt < now                            | false",
            "lastSeenAt != now                           | false",
            "not lastSeenAt < now                        | true",
            "email = \"ann@example.COM\"                 | true",
            "email != \"ann@example.com\"                | false",
            "email in (\"bob@x.io\", \"ANN@example.com\") | true",
            "email contains \"EXAMPLE\"                  | true",
            "email contains \"\"                         | true",
            "email exists                                | true",
            "consent.email_marketing = true              | true",
            "consent.sms = false                         | true",
            "consent.sms != true                         | true",
            "consent.push = false                        | false",
            "consent.push != true                        | false",
            "not consent.push = true                     | true",
            "consent.push exists                         | false",
            "externalIds.crm = \"42\"                    | true",
            "externalIds.crm in (\"41\", \"42\")         | true",
            "externalIds.crm != \"42\"                   | false",
            "externalIds.erp != \"42\"                   | false",
            "externalIds.erp exists                      | false"})
    void comparesCustomerFields(String filter, boolean matches) {
        assertEquals(matches, matches(filter), filter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "traits.plan = \"pro\"              | true",
            "traits.plan = \"PRO\"              | false",
            "traits.plan != \"basic\"           | true",
            "traits.region != \"eu\"            | false",
            "not traits.region = \"eu\"         | true",
            "traits.plan in (\"basic\", \"pro\") | true",
            "traits.score = 10.0                | true",
            "traits.score = \"10\"              | false",
            "traits.score in (9, 10)            | true",
            "traits.ratio < 1                   | true",
            "traits.ratio = 0.50                | true",
            "traits.big > 12345678901           | true",
            "traits.big <= 12345678901.4        | false",
            "traits.plan > 5                    | false",
            "traits.plan >= \"pro\"             | true",
            "traits.plan < \"Z\"                | false",
            "traits.score < \"Z\"               | false",
            "traits.symbol < \"\uD83D\uDE00\"   | true",
            "traits.tags contains \"vip\"       | true",
            "traits.tags contains \"vi\"        | false",
            "traits.tags = \"vip\"              | false",
            "traits.plan contains \"ro\"        | true",
            "traits.plan contains \"RO\"        | false",
            "traits.score contains 1            | false",
            "traits.flag = true                 | true",
            "traits.flag = \"true\"             | false",
            "traits.nothing exists              | true",
            "traits.nothing = \"x\"             | false",
            "traits.nothing != \"x\"            | true",
            "traits.missing exists              | false",
            "traits[\"plan.tier\"] = \"gold\"   | true",
            "traits.plan.tier = \"gold\"        | true"})
    void comparesTraitsAsJsonValues(String filter, boolean matches) {
        assertEquals(matches, matches(filter), filter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "event.score >= 9                     | true",
            "event.score = 10                     | true",
            "event.properties.plan = \"pro\"      | true",
            "event.properties.amount < 10         | true",
            "event.properties.amount = 9.990      | true",
            "event.items.0.sku = \"A-1\"          | true",
            "event.items.1.sku exists             | false",
            "event.properties exists              | true",
            "event.properties.plan.name exists    | false",
            "event.missing.path != 1              | false"})
    void readsNestedEventData(String filter, boolean matches) {
        assertEquals(matches, matches(filter), filter);
    }

    @Test
    void numbersOfEveryJavaTypeCompareByValue() {
        for (Object ten : List.of(10, 10L, 10.0d, 10.0f, (short) 10, (byte) 10, new BigDecimal("10.000"),
                BigInteger.TEN)) {
            FilterSubject subject = withEvent(Map.of("n", ten));
            assertEquals(true, evaluate("event.n = 10 and event.n in (1, 10.0) and event.n > 9.5 and event.n <= 10",
                    subject).matches(), ten.getClass().getSimpleName());
            assertEquals(false, evaluate("event.n != 10", subject).matches());
        }
        assertEquals(false, evaluate("event.n > 1", withEvent(Map.of("n", Double.NaN))).matches());
    }

    @Test
    void aSubjectWithoutEventOrValuesMatchesNoComparison() {
        FilterSubject nobody = new FilterSubject(null, null, null, null, null, null, null, null, null);

        for (String filter : List.of("event.score = 1", "stage != \"PURCHASE\"", "stage in (\"PURCHASE\")",
                "stageSince < now", "email != \"x\"", "traits.a != 1", "consent.a != true", "externalIds.a != \"x\"",
                "email exists", "event.a exists")) {
            Evaluation evaluation = evaluate(filter, nobody);
            assertEquals(false, evaluation.matches(), filter);
            assertEquals(1, evaluation.reasons().size(), filter);
        }
    }

    @Test
    void explainsEveryComparisonInPlainWords() {
        Evaluation evaluation = evaluate("stage = \"RETENTION\" or event.score >= 9 and not email contains \"bob\""
                + " and traits.plan > 5 and traits.tags exists and lastSeenAt < now-1d and stageSince > now-30d",
                ANN);

        assertFalse(evaluation.matches());
        assertEquals(List.of(
                "stage = \"RETENTION\": stage is \"ONBOARDING\", false",
                "event.score >= 9: 10 >= 9 is true",
                "email contains \"bob\": email is \"Ann@Example.com\", false",
                "traits.plan > 5: traits.plan is \"pro\", not a number, false",
                "traits.tags exists: traits.tags is [\"beta\",\"vip\"], true",
                "lastSeenAt < now-1d: lastSeenAt is missing, false",
                "stageSince > now-30d: 2026-02-20T00:00:00Z > 2026-01-30T12:00:00Z (now-30d) is true"),
                evaluation.reasons());
    }

    @Test
    void explainsAMatch() {
        Evaluation evaluation = evaluate("event.properties.plan = \"pro\" and consent.sms = false", ANN);

        assertEquals(true, evaluation.matches());
        assertEquals(List.of("event.properties.plan = \"pro\": event.properties.plan is \"pro\", true",
                "consent.sms = false: consent.sms is false, true"), evaluation.reasons());
    }

    @Test
    void cutsLongValuesInReasons() {
        FilterSubject subject = withEvent(Map.of("list", Arrays.asList(new Integer[100])));

        String reason = evaluate("event.list contains 1", subject).reasons().get(0);
        assertEquals("event.list contains 1: event.list is [" + "null,".repeat(15) + "n..., false", reason);
    }

    private static FilterSubject withEvent(Map<String, Object> event) {
        return new FilterSubject("PURCHASE", NOW, NOW, NOW, null, Map.of(), Map.of(), Map.of(), event);
    }
}
