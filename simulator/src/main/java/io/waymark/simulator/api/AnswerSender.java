package io.waymark.simulator.api;

import io.waymark.simulator.world.Person;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Survey answers: most as a feedback system reports them (POST /api/surveys/{id}/responses with the time the
 * customer answered), the few chosen for links as the customer gives them (an invitation, then the public link,
 * no token): those are recorded when they arrive, and the time the API recorded is kept for the truth.
 */
final class AnswerSender {

    private final Gateway gateway;
    private final Names names;
    private final Progress progress;
    private final AtomicLong cases = new AtomicLong();

    AnswerSender(Gateway gateway, Names names, Progress progress) {
        this.gateway = gateway;
        this.names = names;
        this.progress = progress;
    }

    long casesOpened() {
        return cases.get();
    }

    /** A promoter's answer (NPS 9–10): the one kind that moves a customer (to ADVOCACY, from RETENTION only). */
    static boolean promoter(Person.Answer a) {
        return a.kind().equals("NPS") && a.score() >= 9;
    }

    /**
     * The answers {@code which} selects, but those in {@code viaLinks}, each person's in order, in {@code lanes}
     * concurrent clients.
     */
    void sendFromSystems(List<Person> people, Map<Integer, UUID> customerIds, Map<String, UUID> surveys,
                         Set<Person.Answer> viaLinks, java.util.function.Predicate<Person.Answer> which, int lanes) {
        Lanes.run(lanes, lane -> {
            for (int i = lane; i < people.size(); i += lanes) {
                Person p = people.get(i);
                for (int k = 0; k < p.answers().size(); k++) {
                    Person.Answer a = p.answers().get(k);
                    if (viaLinks.contains(a) || !which.test(a)) {
                        continue;
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("id", names.responseId(p, k).toString());
                    body.put("customerId", customerIds.get(p.index()).toString());
                    body.put("score", a.score());
                    if (a.comment() != null) {
                        body.put("comment", a.comment());
                    }
                    body.put("respondedAt", a.at().toString());
                    Gateway.Answer answer = Gateway.expect(gateway.post(Gateway.INGEST,
                            "/api/surveys/" + surveys.get(a.journey() + ":" + a.touchpoint()) + "/responses", body),
                            "answer of " + customerIds.get(p.index()), 200, 201);
                    if (answer.status() == 201 && answer.body().hasNonNull("caseId")) {
                        cases.incrementAndGet();
                    }
                    progress.advance(1);
                }
            }
        });
    }

    /**
     * Each answer of {@code viaLinks} as the customer gives it: an invitation (the customer's consent must have
     * reached feedback-service: a 409 is waited out), then the link; answer → the time it was recorded.
     */
    Map<Person.Answer, Instant> sendThroughLinks(Map<Person.Answer, Person> viaLinks, Map<Integer, UUID> customerIds,
                                                Map<String, UUID> surveys) {
        Map<Person.Answer, Instant> recorded = new ConcurrentHashMap<>();
        for (Map.Entry<Person.Answer, Person> e : viaLinks.entrySet()) {
            Person.Answer a = e.getKey();
            UUID customer = customerIds.get(e.getValue().index());
            UUID survey = surveys.get(a.journey() + ":" + a.touchpoint());
            Gateway.Answer invitation = null;
            for (int attempt = 0; attempt < 60; attempt++) {
                invitation = gateway.post(Gateway.INGEST, "/api/surveys/" + survey + "/invitations",
                        Map.of("customerId", customer.toString()));
                if (invitation.status() != 409) {
                    break;
                }
                sleep(1000);
            }
            String token = Gateway.expect(invitation, "invitation for " + customer, 201).text("token");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("score", a.score());
            if (a.comment() != null) {
                body.put("comment", a.comment());
            }
            Gateway.Answer answer = Gateway.expect(gateway.post(null, "/api/public/invitations/" + token + "/response", body),
                    "answer through the link of " + customer, 201);
            recorded.put(a, Instant.parse(answer.text("recordedAt")));
            progress.advance(1);
        }
        return recorded;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
