package io.waymark.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.simulator.world.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every interaction of the world through POST /api/interactions in batches of up to 1,000, each person's
 * in the order they happened (one lane per person), on the touchpoint they belong to (journeyId + touchpointKey);
 * items the API could not make durable right now are sent again with the same id.
 */
final class InteractionSender {

    static final int BATCH = 1000;

    private final Gateway gateway;
    private final Names names;
    private final Progress progress;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    InteractionSender(Gateway gateway, Names names, Progress progress) {
        this.gateway = gateway;
        this.names = names;
        this.progress = progress;
    }

    long accepted() {
        return accepted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    void send(List<Person> people, Map<Integer, UUID> customerIds, Map<String, UUID> journeyIds, int lanes) {
        Lanes.run(lanes, lane -> {
            List<ObjectNode> batch = new ArrayList<>(BATCH);
            for (int i = lane; i < people.size(); i += lanes) {
                Person p = people.get(i);
                List<Person.Interaction> all = p.interactions();
                for (int k = 0; k < all.size(); k++) {
                    batch.add(item(p, k, all.get(k), customerIds.get(p.index()), journeyIds));
                    if (batch.size() == BATCH) {
                        post(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                post(batch);
            }
        });
    }

    private ObjectNode item(Person p, int k, Person.Interaction i, UUID customerId, Map<String, UUID> journeyIds) {
        ObjectNode item = Gateway.JSON.createObjectNode();
        item.put("id", names.interactionId(p, k).toString());
        if (i.anonymous() || customerId == null) {
            item.put("anonymousId", names.anonymousId(p));
        } else {
            item.put("customerId", customerId.toString());
        }
        item.put("type", i.type());
        item.put("channel", i.channel());
        item.put("occurredAt", i.at().toString());
        item.put("journeyId", journeyIds.get(i.journey()).toString());
        item.put("touchpointKey", i.touchpoint());
        item.putObject("properties").put("world", names.namespace());
        return item;
    }

    /** Sends one batch; what was refused as retryable goes again (same ids), a few times. */
    private void post(List<ObjectNode> items) {
        List<ObjectNode> pending = List.copyOf(items);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            ArrayNode body = Gateway.JSON.createArrayNode().addAll(pending);
            Gateway.Answer answer = Gateway.expect(gateway.post(Gateway.INGEST, "/api/interactions", body.toString()),
                    "record interactions", 202);
            List<ObjectNode> again = new ArrayList<>();
            for (JsonNode r : answer.body().path("results")) {
                switch (r.path("status").asText()) {
                    case "accepted" -> accepted.incrementAndGet();
                    case "duplicate" -> duplicates.incrementAndGet();
                    default -> {
                        if (!r.path("retryable").asBoolean() || attempt >= 5) {
                            throw new IllegalStateException("an interaction was refused: " + r + " (" + pending.get(r.path("index").asInt()) + ")");
                        }
                        again.add(pending.get(r.path("index").asInt()));
                    }
                }
            }
            progress.advance(pending.size() - again.size());
            pending = again;
        }
    }
}
