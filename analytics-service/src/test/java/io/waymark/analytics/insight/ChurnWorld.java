package io.waymark.analytics.insight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic population with known churn drivers, as the other services would publish it: a journey map whose
 * stage holds the painful touchpoint and then the ordinary one, customers who purchased up to 330 days ago and
 * interact on some days; a customer's daily chance to churn (stop interacting for good) is multiplied by
 * {@value #DETRACTOR_HAZARD} from its detractor answer on, and by {@value #PAIN_HAZARD} from the day it reached the
 * painful touchpoint on. A promoter's answer (from customers who are no detractors: an opinion holds) and reaching
 * the ordinary touchpoint change nothing. Most who reach the painful touchpoint never reach the ordinary one after
 * it, days later than designed, so the pain-point ranking puts it first. Seeded, so every run sends the same world
 * (with fresh ids).
 */
final class ChurnWorld {

    static final String PAIN = "payment-retry";
    static final String ORDINARY = "checkout";
    static final String STAGE = "stage0";
    static final double BASE_HAZARD = 0.0015;
    static final double DETRACTOR_HAZARD = 8;
    static final double PAIN_HAZARD = 6;

    final UUID journey = UUID.randomUUID();
    final String map = Events.published(journey, 1, List.of(List.<Object[]>of(new Object[] {PAIN, -1, "PT5M"},
            new Object[] {ORDINARY, 0, "PT5M"})));
    final List<String> customerEvents = new ArrayList<>();
    final List<String> interactions = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final List<UUID> customers = new ArrayList<>();
    /** When the customers who never churned reached the painful touchpoint. */
    final Map<UUID, LocalDate> painDays = new HashMap<>();
    int churned;

    ChurnWorld(int size, long seed) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < size; i++) {
            customer(random, today);
        }
    }

    private void customer(Random random, LocalDate today) {
        UUID id = UUID.randomUUID();
        customers.add(id);
        String subject = id.toString();
        LocalDate start = today.minusDays(330 - random.nextInt(60));
        customerEvents.add(Events.created(id, "PURCHASE", start + "T08:00:00Z"));
        double rate = 0.1 + random.nextDouble() * 0.25;
        LocalDate detractorDay = random.nextDouble() < 0.3 ? start.plusDays(random.nextInt(250)) : null;
        LocalDate promoterDay = detractorDay == null && random.nextDouble() < 0.4 ? start.plusDays(random.nextInt(250)) : null;
        LocalDate painDay = random.nextDouble() < 0.25 ? start.plusDays(random.nextInt(250)) : null;
        LocalDate ordinaryDay = random.nextDouble() < 0.5 ? start.plusDays(random.nextInt(250)) : null;
        for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
            double hazard = BASE_HAZARD;
            if (detractorDay != null && day.isAfter(detractorDay)) {
                hazard *= DETRACTOR_HAZARD;
            }
            if (painDay != null && day.isAfter(painDay)) {
                hazard *= PAIN_HAZARD;
            }
            if (random.nextDouble() < hazard) {
                churned++;
                return;
            }
            String at = day + "T1" + random.nextInt(10) + ":00:00Z";
            if (day.equals(detractorDay)) {
                answers.add(Events.answer(id, "NPS", random.nextInt(5), 0.2, -0.6, "PURCHASE", journey, "delivery", at));
            }
            if (day.equals(promoterDay)) {
                answers.add(Events.answer(id, "NPS", 9 + random.nextInt(2), 0.95, 0.6, "PURCHASE", journey, "delivery", at));
            }
            if (day.equals(painDay)) {
                interactions.add(Events.interaction(subject, at, List.of(Events.placement(journey, STAGE, PAIN))));
            } else if (day.equals(ordinaryDay)) {
                interactions.add(Events.interaction(subject, at, List.of(Events.placement(journey, STAGE, ORDINARY))));
            } else if (day.equals(start) || random.nextDouble() < rate) {
                interactions.add(Events.interaction(subject, at, List.of()));
            }
        }
        if (painDay != null) {
            painDays.put(id, painDay);
        }
    }

    /** Sends the world to the test topics, ten thousand records at a time (one key: they stay in order). */
    void send() {
        send(Events.MAPS, List.of(map));
        send(Events.CUSTOMERS, customerEvents);
        send(Events.FEEDBACK, answers);
        send(Events.INTERACTIONS, interactions);
    }

    private static void send(String topic, List<String> values) {
        for (int from = 0; from < values.size(); from += 10_000) {
            Events.send(topic, "churn-world", values.subList(from, Math.min(values.size(), from + 10_000))
                    .toArray(String[]::new));
        }
    }
}
