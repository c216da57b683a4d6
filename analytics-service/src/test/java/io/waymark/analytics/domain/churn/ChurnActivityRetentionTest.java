package io.waymark.analytics.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.analytics.domain.churn.CustomerHistory.ActiveDay;
import io.waymark.analytics.persistence.churn.ChurnHistories;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The daily clean-up of active days deletes only what no churn reader looks at: scoring reads from
 * {@link ChurnScoring#since}, training from its plan's {@code readFrom}; and it walks the whole table.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ChurnActivityRetentionTest {

    static final String DB = "analytics_test";

    @Inject
    ChurnActivityRetention retention;
    @Inject
    ChurnHistories histories;
    @Inject
    ChurnConfig config;

    static LocalDate earliestRead(LocalDate today, ChurnConfig config) {
        LocalDate serving = ChurnScoring.since(today);
        LocalDate training = ChurnTraining.Plan.of(today, config).readFrom();
        return serving.isBefore(training) ? serving : training;
    }

    /** The configuration, but with another training window. */
    static ChurnConfig withTrainingDays(ChurnConfig config, int days) {
        return (ChurnConfig) Proxy.newProxyInstance(ChurnConfig.class.getClassLoader(),
                new Class<?>[] {ChurnConfig.class},
                (proxy, method, args) -> method.getName().equals("trainingDays") ? days : method.invoke(config, args));
    }

    @Test
    void keepsEveryDayAReaderMayReadWhateverTheTrainingWindow() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        for (int days : List.of(30, 180, 365, 730)) {
            ChurnConfig c = withTrainingDays(config, days);
            LocalDate keepFrom = ChurnActivityRetention.keepFrom(today, c);
            assertTrue(keepFrom.isBefore(earliestRead(today, c)), days + " training days: keeps from " + keepFrom);
            assertFalse(keepFrom.isBefore(earliestRead(today, c).minusDays(ChurnActivityRetention.MARGIN_DAYS)),
                    days + " training days: keeps no more than the margin besides");
        }
    }

    @Test
    void deletesOnlyTheDaysNoReaderLooksAt() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate keepFrom = ChurnActivityRetention.keepFrom(today, config);
        UUID customer = UUID.randomUUID();
        List<LocalDate> gone = List.of(keepFrom.minusDays(400), keepFrom.minusDays(1));
        List<LocalDate> kept = List.of(keepFrom, earliestRead(today, config), today.minusDays(100), today.minusDays(1));
        List<String> fillers = new ArrayList<>();
        try (Connection c = TestDatabase.superuser(DB); PreparedStatement st = c.prepareStatement(
                "insert into churn_activity_day (subject, day, channel) values (?, ?, 'web') on conflict do nothing");
             PreparedStatement filler = c.prepareStatement("""
                     insert into churn_activity_day (subject, day, channel)
                     select ?, ?, 'filler-' || g from generate_series(1, 2000) g on conflict do nothing""")) {
            for (LocalDate day : concat(gone, kept)) {
                st.setString(1, customer.toString());
                st.setObject(2, day);
                st.executeUpdate();
                // another subject's recent days between them, so they lie on different pages
                String other = UUID.randomUUID().toString();
                fillers.add(other);
                filler.setString(1, other);
                filler.setObject(2, today.minusDays(2));
                filler.executeUpdate();
            }
        }
        List<ActiveDay> readBefore = read(customer, earliestRead(today, config));

        // a page per statement, so the walk crosses many ranges (the filler alone takes dozens of pages)
        long pages = histories.activityPages().await().atMost(Duration.ofSeconds(10));
        assertTrue(pages > 1, "the table spans " + pages + " pages");
        long deleted = retention.cleanUp(today, 1).await().atMost(Duration.ofMinutes(1));

        assertTrue(deleted >= gone.size(), "deleted " + deleted);
        for (LocalDate day : gone) {
            assertEquals(0, days(customer, day), day + " is older than any reader looks");
        }
        for (LocalDate day : kept) {
            assertEquals(1, days(customer, day), day + " is kept");
        }
        assertEquals(readBefore, read(customer, earliestRead(today, config)), "what the readers see is unchanged");
        assertEquals(fillers.size() * 2000L, TestDatabase.count(DB, "select count(*) from churn_activity_day "
                + "where subject = any(?)", (Object) fillers.toArray(String[]::new)), "other subjects' recent days stay");
        try (Connection c = TestDatabase.superuser(DB); PreparedStatement st = c.prepareStatement(
                "delete from churn_activity_day where subject = any(?)")) {
            st.setArray(1, c.createArrayOf("text", fillers.toArray()));
            st.executeUpdate();
        }
    }

    private List<ActiveDay> read(UUID customer, LocalDate since) {
        return histories.of(List.of(customer), since).await().atMost(Duration.ofSeconds(30)).get(customer).days();
    }

    private static long days(UUID customer, LocalDate day) throws Exception {
        return TestDatabase.count(DB, "select count(*) from churn_activity_day where subject = ? and day = ?",
                customer.toString(), day);
    }

    private static List<LocalDate> concat(List<LocalDate> a, List<LocalDate> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
