package io.waymark.customer.domain.filter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.filter.Filter.And;
import io.waymark.customer.domain.filter.Filter.Comparison;
import io.waymark.customer.domain.filter.Filter.Exists;
import io.waymark.customer.domain.filter.Filter.Not;
import io.waymark.customer.domain.filter.Filter.Or;
import io.waymark.customer.domain.filter.Literal.AbsoluteTime;
import io.waymark.customer.domain.filter.Literal.Bool;
import io.waymark.customer.domain.filter.Literal.Decimal;
import io.waymark.customer.domain.filter.Literal.RelativeTime;
import io.waymark.customer.domain.filter.Literal.StageName;
import io.waymark.customer.domain.filter.Literal.Text;
import io.waymark.platform.domain.Invalid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

    private static final Field PLAN = new Field(FieldKind.TRAIT, "plan");
    private static final Field EMAIL = Field.of(FieldKind.EMAIL);
    private static final Filter PLAN_IS_PRO = new Comparison(PLAN, Operator.EQ, List.of(new Text("pro")));
    private static final Filter HAS_EMAIL = new Exists(EMAIL);
    private static final Filter IS_PURCHASE = stage(Operator.EQ, LifecycleStage.PURCHASE);

    private static Filter parse(String text) {
        return FilterParser.parse(text, FilterScope.SEGMENT);
    }

    private static Comparison stage(Operator operator, LifecycleStage stage) {
        return new Comparison(Field.of(FieldKind.STAGE), operator, List.of(new StageName(stage)));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertEquals(new Or(List.of(IS_PURCHASE, new And(List.of(new Not(PLAN_IS_PRO), HAS_EMAIL)))),
                parse("stage = \"PURCHASE\" or not traits.plan = \"pro\" and email exists"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertEquals(new And(List.of(new Or(List.of(IS_PURCHASE, PLAN_IS_PRO)), HAS_EMAIL)),
                parse("(stage = \"PURCHASE\" or traits.plan = \"pro\") and email exists"));
        assertEquals(new Not(new And(List.of(IS_PURCHASE, PLAN_IS_PRO))),
                parse("not (stage = \"PURCHASE\" and traits.plan = \"pro\")"));
    }

    @Test
    void aChainOfOneOperatorIsOneNode() {
        assertEquals(new And(List.of(IS_PURCHASE, PLAN_IS_PRO, HAS_EMAIL)),
                parse("stage = \"PURCHASE\" and traits.plan = \"pro\" and email exists"));
    }

    @Test
    void keywordsAndFieldNamesIgnoreCase() {
        assertEquals(new And(List.of(new Not(HAS_EMAIL), PLAN_IS_PRO)),
                parse("NOT Email EXISTS And TRAITS.plan = \"pro\""));
        assertEquals(new Comparison(PLAN, Operator.IN, List.of(new Bool(true), new Bool(false))),
                parse("traits.plan IN (TRUE, False)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "traits.score = 5        | EQ", "traits.score != 5       | NE", "traits.score < 5        | LT",
            "traits.score <= 5       | LE", "traits.score > 5        | GT", "traits.score >= 5       | GE",
            "traits.score contains 5 | CONTAINS", "traits.score in (5)     | IN"})
    void readsEveryOperator(String text, Operator operator) {
        assertEquals(new Comparison(new Field(FieldKind.TRAIT, "score"), operator,
                List.of(new Decimal(new BigDecimal("5")))), parse(text));
    }

    @Test
    void readsSpacesAsOptionalAroundSymbols() {
        assertEquals(parse("traits.score >= -1.5 and stage in (\"PURCHASE\",\"retention\")"),
                parse("traits.score>=-1.5 and stage in(\"PURCHASE\" , \"retention\")"));
    }

    @Test
    void aDotBelongsToTheKeyAndBracketsTakeAnyKey() {
        assertEquals(new Exists(new Field(FieldKind.TRAIT, "plan.tier")), parse("traits.plan.tier exists"));
        assertEquals(parse("traits.plan.tier exists"), parse("traits[\"plan.tier\"] exists"));
        assertEquals(new Comparison(new Field(FieldKind.CONSENT, "email marketing"), Operator.EQ,
                List.of(new Bool(true))), parse("consent[\"email marketing\"] = true"));
        assertEquals(new Exists(new Field(FieldKind.EXTERNAL_ID, "say \"hi\" \\ x")),
                parse("externalIds[\"say \\\"hi\\\" \\\\ x\"] exists"));
        assertEquals(new Exists(new Field(FieldKind.TRAIT, "a-b_c.9")), parse("traits.a-b_c.9 exists"));
    }

    @Test
    void readsStringsNumbersAndBooleans() {
        assertEquals(new Comparison(PLAN, Operator.IN, List.of(new Text("a \"b\" \\c"), new Decimal(new BigDecimal(
                "-12.50")), new Decimal(new BigDecimal("7")), new Bool(false), new Text(""))),
                parse("traits.plan in (\"a \\\"b\\\" \\\\c\", -12.50, 7, false, \"\")"));
    }

    @Test
    void stageNamesAreCanonicalUpperCase() {
        assertEquals(stage(Operator.GE, LifecycleStage.ONBOARDING), parse("stage >= \"onBoarding\""));
    }

    @Test
    void readsRelativeTimes() {
        assertEquals(time(Duration.ZERO, "now"), parse("lastSeenAt < NOW"));
        assertEquals(time(Duration.ofDays(-30), "now-30d"), parse("lastSeenAt < now-30d"));
        assertEquals(time(Duration.ofHours(-12), "now-12h"), parse("lastSeenAt < now-12h"));
        assertEquals(time(Duration.ofMinutes(-15), "now-15m"), parse("lastSeenAt < now-15m"));
        assertEquals(time(Duration.ofDays(-14), "now-2w"), parse("lastSeenAt < now-2W"));
        assertEquals(time(Duration.ofDays(1), "now+1d"), parse("lastSeenAt < now+01d"));
    }

    private static Filter time(Duration offset, String text) {
        return new Comparison(Field.of(FieldKind.LAST_SEEN_AT), Operator.LT, List.of(new RelativeTime(offset, text)));
    }

    @Test
    void readsIsoDatesAsTheStartOfTheDayInUtcAndDateTimesWithTheirOffset() {
        assertEquals(at("2026-01-01T00:00:00Z"), ((Comparison) parse("createdAt >= \"2026-01-01\"")).value());
        assertEquals(at("2026-01-01T08:00:00Z"),
                ((Comparison) parse("createdAt >= \"2026-01-01T10:00:00+02:00\"")).value());
        assertEquals(at("2026-01-01T10:00:00.123456Z"),
                ((Comparison) parse("stageSince = \"2026-01-01T10:00:00.123456789Z\"")).value());
    }

    private static Literal at(String instant) {
        return new AbsoluteTime(Instant.parse(instant));
    }

    @Test
    void readsEventPathsInRulesOnly() {
        assertEquals(new Comparison(new Field(FieldKind.EVENT, "properties.plan"), Operator.EQ,
                List.of(new Text("pro"))), FilterParser.parse("event.properties.plan = \"pro\"", FilterScope.RULE));
        assertThrows(Invalid.class, () -> parse("event.properties.plan = \"pro\""));
    }

    @Test
    void writesFiltersBackAsTextThatParsesToTheSameFilter() {
        String text = "not (stage < \"retention\" or traits[\"a b\"] contains \"x\") and createdAt > \"2026-01-01\""
                + " and lastSeenAt >= now-2w and traits.n in (1.50, -2, true) and not not email exists";
        Filter filter = parse(text);

        assertEquals("not (stage < \"RETENTION\" or traits[\"a b\"] contains \"x\") and createdAt >"
                + " \"2026-01-01T00:00:00Z\" and lastSeenAt >= now-2w and traits.n in (1.50, -2, true)"
                + " and not not email exists", FilterText.render(filter));
        assertEquals(filter, parse(FilterText.render(filter)));
    }

    @Test
    void takesFourThousandCharactersAndNoMore() {
        String filter = "traits.plan = \"" + "x".repeat(4000 - 16) + "\"";
        assertEquals(4000, filter.length());
        assertDoesNotThrow(() -> parse(filter));

        Invalid invalid = assertThrows(Invalid.class, () -> parse(filter + " "));
        assertEquals("at position 4001: a filter is at most 4000 characters (this one has 4001)",
                invalid.errors().get(0).message());
    }

    @Test
    void takesFiftyComparisonsAndNoMore() {
        String fifty = String.join(" or ", java.util.Collections.nCopies(50, "email exists"));
        assertEquals(50, ((Or) parse(fifty)).parts().size());

        Invalid invalid = assertThrows(Invalid.class, () -> parse(fifty + " or email exists"));
        assertEquals("at position " + (fifty.length() + 5) + ": a filter has at most 50 comparisons",
                invalid.errors().get(0).message());
    }

    @Test
    void nestsTwentyLevelsAndNoMore() {
        assertDoesNotThrow(() -> parse("(".repeat(10) + "not ".repeat(10) + "email exists" + ")".repeat(10)));

        Invalid invalid = assertThrows(Invalid.class,
                () -> parse("(".repeat(10) + "not ".repeat(11) + "email exists" + ")".repeat(10)));
        assertEquals("at position 51: a filter nests at most 20 levels of parentheses and 'not'",
                invalid.errors().get(0).message());
    }

    @Test
    void takesAHundredValuesInAListAndNoMore() {
        String hundred = String.join(", ", java.util.Collections.nCopies(100, "1"));
        assertEquals(100, ((Comparison) parse("traits.n in (" + hundred + ")")).values().size());

        Invalid invalid = assertThrows(Invalid.class, () -> parse("traits.n in (" + hundred + ", 1)"));
        int position = ("traits.n in (" + hundred + ", ").length() + 1;
        assertEquals("at position " + position + ": an 'in' list has at most 100 values",
                invalid.errors().get(0).message());
    }
}
