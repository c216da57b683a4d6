package io.waymark.simulator.api;

import io.waymark.simulator.world.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the world's known people customers, as a sign-up system would: identify by email (with the anonymous id
 * they browsed under, if they did), traits, and when they were first seen; then their `surveys` consent, if given.
 */
final class CustomerLoader {

    private final Gateway gateway;
    private final Names names;
    private final Progress progress;

    CustomerLoader(Gateway gateway, Names names, Progress progress) {
        this.gateway = gateway;
        this.names = names;
        this.progress = progress;
    }

    /** Identifies every known person (in {@code lanes} concurrent clients); person index → customer id. */
    Map<Integer, UUID> identify(List<Person> people, int lanes) {
        List<Person> known = people.stream().filter(Person::identified).toList();
        Map<Integer, UUID> ids = new ConcurrentHashMap<>();
        Lanes.run(lanes, lane -> {
            for (int i = lane; i < known.size(); i += lanes) {
                Person p = known.get(i);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("email", names.email(p));
                body.put("firstName", names.first(p));
                body.put("lastName", names.last(p));
                if (!p.identifiedAt().equals(p.firstSeen())) {
                    body.put("anonymousId", names.anonymousId(p));
                }
                Map<String, Object> traits = new LinkedHashMap<>(p.persona().traits());
                traits.put("world", names.namespace());
                traits.put("persona", p.persona().key());
                body.put("traits", traits);
                body.put("firstSeenAt", p.firstSeen().toString());
                Gateway.Answer answer = Gateway.expect(gateway.post(Gateway.INGEST, "/api/customers/identify", body),
                        "identify " + names.email(p), 200, 201);
                UUID id = UUID.fromString(answer.text("id"));
                ids.put(p.index(), id);
                if (p.consents()) {
                    Gateway.expect(gateway.put(Gateway.INGEST, "/api/customers/" + id + "/consents/surveys",
                            Map.of("granted", true, "source", "sign-up form")), "consent of " + id, 200);
                }
                progress.advance(1);
            }
        });
        return ids;
    }
}
