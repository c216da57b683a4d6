package io.waymark.journey.domain.map;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.contracts.LifecycleStage;
import io.waymark.platform.domain.Invalid;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Journey maps for the tests: a valid JSON document to break one field at a time, and small maps to diff. */
final class JourneyFixtures {

    /** A plain mapper: unknown properties fail, as they must for the exchange format. */
    static final ObjectMapper JSON = new ObjectMapper();

    static final String VALID = """
            {
              "name": "Checkout journey",
              "description": "From the cart to the first order",
              "ownerTeam": "product",
              "persona": {"name": "Riley", "description": "Buys online", "goals": ["Pay quickly"],
                          "frustrations": ["Hidden costs"], "quote": "Just let me pay."},
              "stages": [
                {"key": "consider", "name": "Consider", "lifecycleStage": "CONSIDERATION", "touchpoints": [
                  {"key": "product-page", "name": "Product page", "channel": "web", "ownerTeam": "marketing",
                   "action": "Reads reviews", "goal": "Choose", "emotion": 0, "expectedDuration": "PT10M",
                   "painPoints": [{"text": "No delivery cost", "severity": 3}],
                   "opportunities": [{"text": "Show delivery cost", "ownerTeam": "sales", "status": "planned"}],
                   "interactionTypes": ["page_view", "product.viewed"]}
                ]},
                {"key": "purchase", "name": "Purchase", "lifecycleStage": "PURCHASE", "touchpoints": [
                  {"key": "cart", "name": "Cart", "channel": "web", "ownerTeam": "sales", "emotion": -1},
                  {"key": "checkout", "name": "Checkout", "channel": "web", "ownerTeam": "sales", "emotion": -2,
                   "interactionTypes": ["checkout_started"]}
                ]}
              ]
            }
            """;

    private JourneyFixtures() {
    }

    /** The valid document with one change made to its JSON tree first. */
    static JourneyDocument validWith(Consumer<ObjectNode> change) {
        ObjectNode tree = tree(VALID);
        change.accept(tree);
        return read(tree);
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JourneyDocument read(ObjectNode tree) {
        try {
            return JSON.treeToValue(tree, JourneyDocument.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a JSON pointer such as {@code /stages/1/touchpoints/0}. */
    static ObjectNode at(ObjectNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }

    /** Each problem {@link JourneyValidation#check} finds, as {@code field: message}, in the order found. */
    static List<String> problems(JourneyDocument doc) {
        Invalid invalid = assertThrows(Invalid.class, () -> JourneyValidation.check(doc));
        return invalid.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    /** The field of each problem, in the order found. */
    static List<String> fields(JourneyDocument doc) {
        Invalid invalid = assertThrows(Invalid.class, () -> JourneyValidation.check(doc));
        return invalid.errors().stream().map(Invalid.FieldError::field).toList();
    }

    static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    // small, valid maps for diffs

    static Persona persona() {
        return new Persona("Riley", null, List.of("Pay quickly"), List.of(), null);
    }

    static Touchpoint touchpoint(String key) {
        return touchpoint(key, 0);
    }

    static Touchpoint touchpoint(String key, int emotion) {
        return new Touchpoint(key, "Touchpoint " + key, "web", "sales", null, null, emotion, "PT5M",
                List.of(), List.of(), List.of("page_view"));
    }

    static Stage stage(String key, Touchpoint... touchpoints) {
        return new Stage(key, "Stage " + key, LifecycleStage.PURCHASE, null, Arrays.asList(touchpoints));
    }

    static JourneyDocument journey(Stage... stages) {
        return new JourneyDocument("Map", null, "product", persona(), Arrays.asList(stages));
    }

    /** Stages without touchpoints, one per key. */
    static JourneyDocument stages(String... keys) {
        return journey(Arrays.stream(keys).map(JourneyFixtures::stage).toArray(Stage[]::new));
    }
}
