package io.waymark.customer.domain.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.waymark.platform.domain.Invalid;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentSqlTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456789Z");

    private static SqlFilter compile(String filter) {
        return SegmentSql.compile(FilterParser.parse(filter, FilterScope.SEGMENT), NOW, 1);
    }

    private static void assertSql(String filter, String where, Object... params) {
        SqlFilter sql = compile(filter);
        assertEquals(where, sql.where(), filter);
        assertEquals(List.of(params), sql.params(), filter);
    }

    @Test
    void stageEqualityIsAPlainColumnComparison() {
        assertSql("stage = \"purchase\"", "c.stage = $1::text", "PURCHASE");
        assertSql("stage != \"ADVOCACY\"", "c.stage <> $1::text", "ADVOCACY");
    }

    @Test
    void stageListsAndFunnelOrderAreAnArrayOfStageNames() {
        assertStages("stage in (\"retention\", \"PURCHASE\")", "PURCHASE", "RETENTION");
        assertStages("stage >= \"ONBOARDING\"", "ONBOARDING", "RETENTION", "ADVOCACY");
        assertStages("stage > \"ONBOARDING\"", "RETENTION", "ADVOCACY");
        assertStages("stage <= \"CONSIDERATION\"", "AWARENESS", "CONSIDERATION");
        assertStages("stage < \"AWARENESS\"");
    }

    private static void assertStages(String filter, String... stages) {
        SqlFilter sql = compile(filter);
        assertEquals("c.stage = any($1::text[])", sql.where());
        assertEquals(1, sql.params().size());
        assertArrayEquals(stages, (String[]) sql.params().get(0));
    }

    @Test
    void timesAreTimestamptzParamsInUtcToTheMicrosecond() {
        assertSql("stageSince < now-30d", "c.stage_since < $1::timestamptz",
                OffsetDateTime.parse("2026-01-30T12:00:00.123456Z"));
        assertSql("createdAt >= \"2026-01-01\"", "c.created_at >= $1::timestamptz",
                OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        assertSql("createdAt != now+1d", "c.created_at <> $1::timestamptz",
                OffsetDateTime.parse("2026-03-02T12:00:00.123456Z"));
        assertSql("lastSeenAt > now-15m",
                "(c.last_seen_at is not null and c.last_seen_at > $1::timestamptz)",
                OffsetDateTime.parse("2026-03-01T11:45:00.123456Z"));
        assertSql("lastSeenAt = \"2026-02-01T10:00:00+01:00\"",
                "(c.last_seen_at is not null and c.last_seen_at = $1::timestamptz)",
                OffsetDateTime.parse("2026-02-01T09:00:00Z"));
        assertSql("lastSeenAt exists", "c.last_seen_at is not null");
        assertSql("stageSince exists", "c.stage_since is not null");
    }

    @Test
    void emailComparesCaseInsensitivelyAndNeverYieldsNull() {
        assertSql("email = \"Ann@Example.com\"", "(c.email is not null and lower(c.email) = lower($1::text))",
                "Ann@Example.com");
        assertSql("email != \"a@x.io\"", "(c.email is not null and lower(c.email) <> lower($1::text))", "a@x.io");
        assertSql("email in (\"a@x.io\", \"B@x.io\")", "(c.email is not null and (lower(c.email) = lower($1::text)"
                + " or lower(c.email) = lower($2::text)))", "a@x.io", "B@x.io");
        assertSql("email contains \"Example\"",
                "(c.email is not null and strpos(lower(c.email), lower($1::text)) > 0)", "Example");
        assertSql("email exists", "c.email is not null");
    }

    @Test
    void traitEqualityAndListsAreJsonbContainment() {
        assertSql("traits.plan = \"pro\"", "c.traits @> $1::text::jsonb", "{\"plan\":\"pro\"}");
        assertSql("traits.plan.tier = 3", "c.traits @> $1::text::jsonb", "{\"plan.tier\":3}");
        assertSql("traits.ratio = -0.50", "c.traits @> $1::text::jsonb", "{\"ratio\":-0.50}");
        assertSql("traits[\"a b\"] = true", "c.traits @> $1::text::jsonb", "{\"a b\":true}");
        assertSql("traits.plan in (\"pro\", 2)", "(c.traits @> $1::text::jsonb or c.traits @> $2::text::jsonb)",
                "{\"plan\":\"pro\"}", "{\"plan\":2}");
    }

    @Test
    void traitInequalityNeedsTheTraitToBeThere() {
        assertSql("traits.plan != \"pro\"", "(jsonb_exists(c.traits, $1::text) and not c.traits @> $2::text::jsonb)",
                "plan", "{\"plan\":\"pro\"}");
    }

    @Test
    void traitContainsIsArrayMembershipOrForAStringAlsoASubstring() {
        assertSql("traits.tags contains \"beta\"", "(c.traits @> $1::text::jsonb or coalesce(jsonb_typeof(c.traits ->"
                + " $2::text) = 'string' and strpos(c.traits ->> $2::text, $3::text) > 0, false))",
                "{\"tags\":[\"beta\"]}", "tags", "beta");
        assertSql("traits.lucky contains 7", "c.traits @> $1::text::jsonb", "{\"lucky\":[7]}");
        assertSql("traits.flags contains false", "c.traits @> $1::text::jsonb", "{\"flags\":[false]}");
    }

    @Test
    void traitOrderingComparesOnlyValuesOfTheLiteralsType() {
        assertSql("traits.score >= 9.5", "coalesce(case when jsonb_typeof(c.traits -> $1::text) = 'number' then"
                + " (c.traits ->> $1::text)::numeric >= $2::numeric end, false)", "score", 9.5);
        assertSql("traits.score < -3", "coalesce(case when jsonb_typeof(c.traits -> $1::text) = 'number' then"
                + " (c.traits ->> $1::text)::numeric < $2::numeric end, false)", "score", -3.0);
        assertSql("traits.tier < \"m\"", "coalesce(case when jsonb_typeof(c.traits -> $1::text) = 'string' then"
                + " (c.traits ->> $1::text) collate \"C\" < $2::text end, false)", "tier", "m");
        assertSql("traits.plan exists", "jsonb_exists(c.traits, $1::text)", "plan");
    }

    @Test
    void consentsAreObjectsWithAGrantedFlag() {
        assertSql("consent.email_marketing = true", "c.consents @> $1::text::jsonb",
                "{\"email_marketing\":{\"granted\":true}}");
        assertSql("consent.sms = false", "c.consents @> $1::text::jsonb", "{\"sms\":{\"granted\":false}}");
        assertSql("consent.sms != true", "(jsonb_exists(c.consents, $1::text) and not c.consents @> $2::text::jsonb)",
                "sms", "{\"sms\":{\"granted\":true}}");
        assertSql("consent.sms exists", "jsonb_exists(c.consents, $1::text)", "sms");
    }

    @Test
    void externalIdsAreStringsInAnObject() {
        assertSql("externalIds.crm = \"42\"", "c.external_ids @> $1::text::jsonb", "{\"crm\":\"42\"}");
        assertSql("externalIds.crm != \"42\"",
                "(jsonb_exists(c.external_ids, $1::text) and not c.external_ids @> $2::text::jsonb)", "crm",
                "{\"crm\":\"42\"}");
        assertSql("externalIds.crm in (\"1\", \"2\")",
                "(c.external_ids @> $1::text::jsonb or c.external_ids @> $2::text::jsonb)", "{\"crm\":\"1\"}", "{\"crm\":\"2\"}");
        assertSql("externalIds.crm exists", "jsonb_exists(c.external_ids, $1::text)", "crm");
    }

    @Test
    void andOrNotKeepTheirGroupingAndParamsNumberFromTheGivenStart() {
        SqlFilter sql = SegmentSql.compile(FilterParser.parse("stage = \"PURCHASE\" and (traits.plan = \"pro\" or"
                + " email exists) and not (lastSeenAt < now or consent.sms = true) and not email = \"x\"",
                FilterScope.SEGMENT), NOW, 3);

        assertEquals("(c.stage = $3::text and (c.traits @> $4::text::jsonb or c.email is not null) and not"
                + " ((c.last_seen_at is not null and c.last_seen_at < $5::timestamptz) or c.consents @> $6::text::jsonb)"
                + " and not ((c.email is not null and lower(c.email) = lower($7::text))))", sql.where());
        assertEquals(List.of("PURCHASE", "{\"plan\":\"pro\"}", OffsetDateTime.parse("2026-03-01T12:00:00.123456Z"),
                "{\"sms\":{\"granted\":true}}", "x"), sql.params());
    }

    @Test
    void refusesEventFieldsWhichHaveNoColumn() {
        Filter rule = FilterParser.parse("event.score > 1", FilterScope.RULE);

        Invalid invalid = assertThrows(Invalid.class, () -> SegmentSql.compile(rule, NOW, 1));
        assertEquals("filter", invalid.errors().get(0).field());
    }

    @Test
    void placeholdersStartAtOne() {
        Filter filter = FilterParser.parse("email exists", FilterScope.SEGMENT);

        assertThrows(IllegalArgumentException.class, () -> SegmentSql.compile(filter, NOW, 0));
    }
}
