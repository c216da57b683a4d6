package io.waymark.analytics.insight;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.waymark.analytics.domain.rollup.Days;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Weekly cohorts from journey.interactions against hand-computed cells: a redelivered interaction changes
 * nothing, Sunday night in New York is Monday in UTC, an identified visitor's weeks fold into the customer's,
 * erasure leaves the cells.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class RetentionTest {

    private static JsonPath retention(String query) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/retention" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String at(LocalDate day, String time) {
        return day + "T" + time;
    }

    @Test
    void cohortsByFirstWeekCountEachSubjectOncePerWeek() throws Exception {
        LocalDate w0 = Days.weekStart(Days.week(LocalDate.of(1990, 1, 1)) + ThreadLocalRandom.current().nextInt(1400));
        LocalDate w1 = w0.plusWeeks(1);
        Events.cleanCohorts(w0, w0.plusWeeks(4));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String visitor = "v-" + UUID.randomUUID();
        String[] aSeen = {Events.interaction(a.toString(), at(w0, "10:00:00Z"), List.of()),
                Events.interaction(a.toString(), at(w0.plusDays(8), "10:00:00Z"), List.of()),
                Events.interaction(a.toString(), at(w0.plusDays(23), "10:00:00Z"), List.of())};
        Events.send(Events.INTERACTIONS, a.toString(), aSeen);
        Events.send(Events.INTERACTIONS, a.toString(), aSeen);
        Events.send(Events.INTERACTIONS, b.toString(), Events.interaction(b.toString(), at(w0.plusDays(4), "10:00:00Z"), List.of()),
                Events.interaction(b.toString(), at(w0.plusDays(14), "09:00:00Z"), List.of()));
        Events.send(Events.INTERACTIONS, visitor, Events.interaction("anon:" + visitor, at(w0.plusDays(10), "10:00:00Z"), List.of()));
        // Sunday 23:30 in New York is Monday 04:30 UTC: c's cohort is week 1
        Events.send(Events.INTERACTIONS, c.toString(), Events.interaction(c.toString(), at(w1.minusDays(1), "23:30:00-05:00"), List.of()));

        String range = "?period=week&from=" + w0 + "&to=" + w1;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath r = retention(range);
            return r.getList("cohorts").size() == 2 && r.getInt("cohorts[1].size") == 2
                    && r.getInt("cohorts[0].periods[3].active") == 1;
        });
        JsonPath before = retention(range);
        assertEquals(w0.toString(), before.getString("cohorts[0].start"));
        assertEquals(2, before.getInt("cohorts[0].size"));
        assertEquals(List.of(2, 1, 1, 1, 0), before.getList("cohorts[0].periods.active").subList(0, 5));
        assertEquals(0.5f, before.getFloat("cohorts[0].periods[1].share"));
        assertEquals(w1.toString(), before.getString("cohorts[1].start"));
        assertEquals(53, before.getList("cohorts[0].periods").size(), "a year of weeks after the first");

        // the visitor turns out to be b: b is active in weeks 0, 1 and 2; the visitor's own cohort is gone
        Events.send(Events.CUSTOMERS, b.toString(), Events.merged(visitor, b, "anonymous"));
        await().atMost(Duration.ofSeconds(30)).until(() -> retention(range).getInt("cohorts[1].size") == 1);
        JsonPath after = retention(range);
        assertEquals(List.of(2, 2, 1, 1, 0), after.getList("cohorts[0].periods.active").subList(0, 5));
        assertEquals(1.0f, after.getFloat("cohorts[0].periods[1].share"));
        assertEquals(0, TestDatabase.count("analytics_test", "select count(*) from subject_activity where subject = ?",
                "anon:" + visitor));

        Events.send(Events.CUSTOMERS, c.toString(), Events.erased(c));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("analytics_test",
                "select count(*) from subject_activity where subject = ?", c.toString()) == 0);
        assertEquals(1, retention(range).getInt("cohorts[1].size"), "erasure leaves the aggregates");

        JsonPath months = retention("?period=month&from=" + w0 + "&to=" + w1);
        int subjects = months.getList("cohorts.size", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertEquals(3, subjects, "a, b and c, each in one monthly cohort");
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/retention?period=day").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
