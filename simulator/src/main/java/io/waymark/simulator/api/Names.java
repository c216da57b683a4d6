package io.waymark.simulator.api;

import io.waymark.simulator.world.Person;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The ids and names a world's people and records carry through the API, all derived from the world's namespace
 * (a new one per run, so runs never meet) and the person's index: the same world played twice in one namespace
 * sends the same ids (a repeat is a duplicate, not a second interaction).
 */
record Names(String namespace) {

    private static final List<String> FIRST = List.of("Ada", "Ben", "Chloe", "Dev", "Elif", "Finn", "Grace", "Hugo",
            "Ines", "Jonas", "Kaia", "Liam", "Maya", "Noor", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar",
            "Vera", "Wen", "Yara", "Zoe");
    private static final List<String> LAST = List.of("Adams", "Berg", "Costa", "Diallo", "Evans", "Fischer", "Garcia",
            "Haddad", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Silva",
            "Tanaka", "Umarov", "Virtanen", "Weber", "Yilmaz", "Zhang");

    String email(Person p) {
        return first(p).toLowerCase() + "." + last(p).toLowerCase() + "." + p.index() + "@" + namespace + ".sim.example";
    }

    String first(Person p) {
        return FIRST.get(Math.floorMod(p.index() * 31 + 7, FIRST.size()));
    }

    String last(Person p) {
        return LAST.get(Math.floorMod(p.index() * 17 + 3, LAST.size()));
    }

    String anonymousId(Person p) {
        return namespace + "-visitor-" + p.index();
    }

    UUID interactionId(Person p, int k) {
        return id("interaction/" + p.index() + "/" + k);
    }

    UUID responseId(Person p, int k) {
        return id("response/" + p.index() + "/" + k);
    }

    private UUID id(String what) {
        return UUID.nameUUIDFromBytes((namespace + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
