package io.waymark.analytics.insight;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.analytics.domain.churn.ChurnDefinition;
import io.waymark.analytics.domain.churn.ChurnFeatures;
import io.waymark.analytics.domain.churn.CustomerHistory;
import io.waymark.analytics.persistence.churn.ChurnHistories;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The history as kept from the topics: features as of a past instant are the same before and after events that
 * happened later arrive (no look-ahead; cases included), a redelivered interaction changes nothing, and an identified visitor's
 * days count for the customer.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ChurnHistoryTest {

    static final ChurnDefinition DEFINITION = new ChurnDefinition("PURCHASE", 60);

    @Inject
    ChurnHistories histories;

    private Map<String, Double> featuresAt(UUID customer, Instant at) {
        return featuresAt(customer, at, Set.of());
    }

    /** Features with {@code painPoints} ("journeyId:key") counted as pain points. */
    private Map<String, Double> featuresAt(UUID customer, Instant at, Set<String> painPoints) {
        CustomerHistory h = histories.of(List.of(customer), LocalDate.parse("2025-01-01")).await()
                .atMost(Duration.ofSeconds(10)).get(customer);
        return ChurnFeatures.asOf(h, at, DEFINITION, painPoints).values();
    }

    private static long facts(UUID customer) throws Exception {
        String id = customer.toString();
        return TestDatabase.count("analytics_test", "select (select count(*) from churn_activity_day where subject = ?) "
                + "+ (select count(*) from churn_answer where customer_id = ?::uuid) "
                + "+ (select count(*) from churn_stage_move where customer_id = ?::uuid) "
                + "+ (select count(*) from churn_case where customer_id = ?::uuid)", id, id, id, id);
    }

    @Test
    void aVisitorsDaysBecomeTheCustomersWhenIdentified() throws Exception {
        UUID customer = UUID.randomUUID();
        String visitor = "anon:" + UUID.randomUUID();
        Events.send(Events.CUSTOMERS, customer.toString(), Events.created(customer, "PURCHASE", "2026-01-01T09:00:00Z"));
        Events.send(Events.INTERACTIONS, visitor, Events.interaction(visitor, "2026-01-05T12:00:00Z", List.of()),
                Events.interaction(visitor, "2026-01-06T12:00:00Z", List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("analytics_test",
                "select count(*) from churn_activity_day where subject = ?", visitor) == 2);
        Events.send(Events.CUSTOMERS, customer.toString(), Events.merged(visitor.substring(5), customer, "anonymous"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(customer) == 3);
        assertEquals(0, TestDatabase.count("analytics_test", "select count(*) from churn_activity_day where subject = ?", visitor));
        assertEquals(2.0, featuresAt(customer, Instant.parse("2026-01-07T00:00:00Z")).get(ChurnFeatures.ACTIVE_7));
    }

    @Test
    void eventsAfterTheSnapshotNeverChangeItsFeatures() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID journey = UUID.randomUUID();
        Instant snapshot = Instant.parse("2026-02-01T00:00:00Z");
        String early = Events.interaction(customer.toString(), "2026-01-10T12:00:00Z", List.of());
        Events.send(Events.CUSTOMERS, customer.toString(), Events.created(customer, "PURCHASE", "2026-01-01T09:00:00Z"));
        Events.send(Events.INTERACTIONS, customer.toString(), early);
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(customer) == 2);
        Set<String> painPoints = Set.of(journey + ":late");
        Map<String, Double> before = featuresAt(customer, snapshot, painPoints);
        assertEquals(21.0, before.get(ChurnFeatures.DAYS_SINCE_LAST), "10 to 31 January");
        assertEquals(1.0, before.get(ChurnFeatures.ACTIVE_30));

        // later facts of every kind, and the early interaction delivered again
        Events.send(Events.INTERACTIONS, customer.toString(), early,
                Events.interaction(customer.toString(), "2026-02-01T00:00:00Z", List.of(Events.placement(journey, "s", "late"))),
                Events.interaction(customer.toString(), "2026-02-20T08:00:00Z", List.of()));
        Events.send(Events.FEEDBACK, customer.toString(), Events.answer(customer, "NPS", 2, 0.2, -0.9, "PURCHASE", journey,
                "late", "2026-02-15T10:00:00Z"));
        Events.send(Events.CUSTOMERS, customer.toString(), Events.moved(customer, 2, "PURCHASE", "AWARENESS",
                "2026-02-05T10:00:00Z", 3000));
        Events.send(Events.FEEDBACK, customer.toString(),
                Events.caseEvent(UUID.randomUUID(), customer, journey, "late", false, "2026-02-15T10:05:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(customer) == 7);

        assertEquals(before, featuresAt(customer, snapshot, painPoints));
        Map<String, Double> later = featuresAt(customer, Instant.parse("2026-03-01T00:00:00Z"), painPoints);
        assertNotEquals(before, later);
        assertEquals(1.0, later.get(ChurnFeatures.DETRACTOR));
        assertEquals(1.0, later.get(ChurnFeatures.BACKWARD), "PURCHASE back to AWARENESS");
        assertEquals(1.0, later.get(ChurnFeatures.OPEN_CASES), "the case the detractor's answer opened");
        assertEquals(0.0, before.get(ChurnFeatures.OPEN_CASES));
        assertEquals(1.0, later.get(ChurnFeatures.PAIN_POINTS), "the pain point reached on 1 February");
        assertEquals(1.0, later.get(ChurnFeatures.UNHAPPY), "the NPS 2");
        assertEquals(2.0, later.get(ChurnFeatures.ACTIVE_30), "1 and 20 February; the repeat of 10 January counted once");
    }
}
