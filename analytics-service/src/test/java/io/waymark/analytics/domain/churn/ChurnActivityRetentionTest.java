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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The daily clean-up of active days deletes only what no churn reader looks at: scoring reads
 * {@link ChurnScoring#HISTORY_DAYS} back, training from its plan's {@code readFrom}.
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
        LocalDate serving = today.minusDays(ChurnScoring.HISTORY_DAYS);
        LocalDate training = ChurnTraining.Plan.of(today, config).readFrom();
        return serving.isBefore(training) ? serving : training;
    }

    /** The configuration, but with another training window. */
    static ChurnConfig withTrainingDays(ChurnConfig config, int days) {
        return (ChurnConfig) Proxy.newProxyInstance(ChurnConfig.class.getClassLoader(), new Class<?>[] {ChurnConfig.class},
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
        try (Connection c = TestDatabase.superuser(DB); PreparedStatement st = c.prepareStatement(
                "insert into churn_activity_day (subject, day, channel) values (?, ?, 'web') on conflict do nothing")) {
            for (LocalDate day : concat(gone, kept)) {
                st.setString(1, customer.toString());
                st.setObject(2, day);
                st.executeUpdate();
            }
        }
        List<ActiveDay> readBefore = read(customer, earliestRead(today, config));

        long deleted = retention.cleanUp(today).await().atMost(Duration.ofMinutes(1));

        assertTrue(deleted >= gone.size(), "deleted " + deleted);
        for (LocalDate day : gone) {
            assertEquals(0, days(customer, day), day + " is older than any reader looks");
        }
        for (LocalDate day : kept) {
            assertEquals(1, days(customer, day), day + " is kept");
        }
        assertEquals(readBefore, read(customer, earliestRead(today, config)), "what the readers see is unchanged");
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
