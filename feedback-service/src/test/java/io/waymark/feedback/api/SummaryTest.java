package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.activeSurvey;
import static io.waymark.feedback.FeedbackFixtures.respond;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A survey's scores, computed by the database, against numbers computed by hand. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class SummaryTest {

    private static JsonPath summary(String survey, Map<String, ?> query) {
        return given().auth().oauth2(Tokens.forRole("analyst")).queryParams(query).get("/surveys/" + survey + "/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theNpsOfAKnownSetOfAnswersIsExact() {
        String survey = activeSurvey("NPS", "support", null, null);
        // 5 promoters, 2 passives, 3 detractors: NPS 20, 95% interval [-34.03, 74.03] (see NpsScoreTest)
        int[] scores = {10, 10, 9, 9, 9, 8, 7, 6, 3, 0};
        for (int score : scores) {
            respond(survey, UUID.randomUUID(), UUID.randomUUID(), score,
                    score >= 9 ? "Great, I love it!" : score <= 6 ? "Terrible, awful service." : null).statusCode(201);
        }
        JsonPath all = summary(survey, Map.of());
        assertEquals(10, all.getInt("overall.responses"));
        assertEquals(20.0f, all.getFloat("overall.nps.score"));
        assertEquals(-34.03f, all.getFloat("overall.nps.low"), 0.005f);
        assertEquals(74.03f, all.getFloat("overall.nps.high"), 0.005f);
        assertEquals(5, all.getInt("overall.nps.promoters"));
        assertEquals(2, all.getInt("overall.nps.passives"));
        assertEquals(3, all.getInt("overall.nps.detractors"));
        assertEquals(true, all.getBoolean("overall.smallSample"));
        assertEquals(3, all.getInt("overall.distribution.'9'"));
        assertEquals(7.1f, all.getFloat("overall.meanScore"), 1e-6f);
        assertEquals(3, all.getInt("overall.sentiment.negative"));
        assertEquals(5, all.getInt("overall.sentiment.positive"));
        assertEquals(2, all.getInt("overall.sentiment.none"));
        assertNull(all.get("overall.csat"));
        assertEquals("week", all.getString("interval"));
        List<Map<String, Object>> weeks = all.getList("intervals");
        assertTrue(weeks.size() >= 13 && weeks.size() <= 14, "90 days in weeks: " + weeks.size());
        assertEquals(10, all.getInt("intervals[-1].stats.responses"), "this week's");
        assertEquals(0, all.getInt("intervals[0].stats.responses"));
    }

    @Test
    void csatAndCesPerDayOverAChosenPeriod() throws Exception {
        String csat = activeSurvey("CSAT", "support", null, null);
        for (int score : new int[] {5, 4, 4, 2, 1}) {
            respond(csat, UUID.randomUUID(), UUID.randomUUID(), score, null).statusCode(201);
        }
        // two of them answered three days ago
        try (Connection c = TestDatabase.superuser(FeedbackFixtures.DATABASE);
             PreparedStatement st = c.prepareStatement("update survey_response set recorded_at = now() - interval '3 days' "
                     + "where survey_id = ? and score in (2, 5)")) {
            st.setObject(1, UUID.fromString(csat));
            assertEquals(2, st.executeUpdate());
        }
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(6).toString();
        String to = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        JsonPath days = summary(csat, Map.of("from", from, "to", to, "interval", "day"));
        assertEquals(7, days.getList("intervals").size());
        assertEquals(60.0f, days.getFloat("overall.csat.percentSatisfied"), "3 of 5 answered 4-5");
        assertEquals(50.0f, days.getFloat("intervals[3].stats.csat.percentSatisfied"), "5 and 2, three days ago");
        assertEquals(2, days.getInt("intervals[3].stats.responses"));
        assertEquals(3, days.getInt("intervals[6].stats.responses"));

        String ces = activeSurvey("CES", "support", null, null);
        for (int score : new int[] {1, 2, 6}) {
            respond(ces, UUID.randomUUID(), UUID.randomUUID(), score, null).statusCode(201);
        }
        assertEquals(3.0f, summary(ces, Map.of("interval", "month")).getFloat("overall.ces.mean"));
    }

    @Test
    void badPeriodsAreNamed() {
        String survey = activeSurvey("NPS", "support", null, null);
        given().auth().oauth2(Tokens.forRole("analyst")).queryParam("interval", "hour").get("/surveys/" + survey + "/summary")
                .then().statusCode(400).body("violations.field", hasItem("interval"));
        given().auth().oauth2(Tokens.forRole("analyst")).queryParam("from", "yesterday").get("/surveys/" + survey + "/summary")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(Tokens.forRole("analyst")).queryParams(Map.of("from", "2026-01-02", "to", "2026-01-01"))
                .get("/surveys/" + survey + "/summary").then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(Tokens.forRole("analyst")).queryParams(Map.of("from", "2020-01-01", "interval", "day"))
                .get("/surveys/" + survey + "/summary").then().statusCode(400).body("violations.field", hasItem("interval"));
        given().auth().oauth2(Tokens.forRole("analyst")).queryParams(Map.of("from", "1900-01-01", "to", "2100-01-01", "interval", "month"))
                .get("/surveys/" + survey + "/summary").then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/surveys/" + UUID.randomUUID() + "/summary")
                .then().statusCode(404);
    }

    @Test
    void theFirstAndLastIntervalsSayTheyAreCutToThePeriod() {
        String survey = activeSurvey("NPS", "support", null, null);
        // a Wednesday noon to a Tuesday: weeks from Monday 5, 12 and 19 January, the first and last in part
        JsonPath weeks = summary(survey, Map.of("from", "2026-01-07T12:00:00Z", "to", "2026-01-20", "interval", "week"));
        assertEquals(3, weeks.getList("intervals").size());
        assertEquals(OffsetDateTime.parse("2026-01-07T12:00:00Z"), OffsetDateTime.parse(weeks.getString("intervals[0].start")));
        assertEquals(OffsetDateTime.parse("2026-01-12T00:00:00Z"), OffsetDateTime.parse(weeks.getString("intervals[0].end")));
        assertEquals(OffsetDateTime.parse("2026-01-19T00:00:00Z"), OffsetDateTime.parse(weeks.getString("intervals[2].start")));
        assertEquals(OffsetDateTime.parse("2026-01-20T00:00:00Z"), OffsetDateTime.parse(weeks.getString("intervals[2].end")));
    }

    @Test
    void datesOutsideTheStoredRangeAreNamedNotFailed() {
        String survey = activeSurvey("NPS", "support", null, null);
        // beyond PostgreSQL's timestamptz (SQLSTATE 22008), and beyond what java.time can step through by weeks
        outOfRange(survey, "from=-5000-01-01T00:00:00Z&to=-5000-01-02T00:00:00Z", "from");
        outOfRange(survey, "from=%2B300000-01-01T00:00:00Z&to=%2B300000-01-02T00:00:00Z", "from");
        outOfRange(survey, "from=-999999999-01-01T00:00:00Z&to=-999999999-01-02T00:00:00Z&interval=week", "from");
        outOfRange(survey, "from=1969-12-31&to=1970-01-02", "from");
        outOfRange(survey, "from=2026-01-01&to=%2B10000-01-01T00:00:00Z", "to");
        given().auth().oauth2(Tokens.forRole("analyst")).urlEncodingEnabled(false)
                .get("/surveys/" + survey + "/summary?from=1970-01-01&to=1970-01-08&interval=day").then().statusCode(200)
                .body("intervals", hasSize(7));
    }

    private static void outOfRange(String survey, String query, String field) {
        given().auth().oauth2(Tokens.forRole("analyst")).urlEncodingEnabled(false)
                .get("/surveys/" + survey + "/summary?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(field));
    }
}
