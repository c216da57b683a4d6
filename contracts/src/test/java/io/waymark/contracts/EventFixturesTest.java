package io.waymark.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every golden event fixture is a valid CloudEvent to the official SDK, and names a type we declare. */
class EventFixturesTest {

    private static final List<EventType> DECLARED = List.of(io.waymark.contracts.customer.CustomerCreated.TYPE,
            io.waymark.contracts.customer.CustomerUpdated.TYPE, io.waymark.contracts.customer.CustomerStageChanged.TYPE,
            io.waymark.contracts.customer.CustomerConsentChanged.TYPE, io.waymark.contracts.customer.CustomerMerged.TYPE,
            io.waymark.contracts.customer.CustomerErased.TYPE, io.waymark.contracts.journey.InteractionRecorded.TYPE,
            io.waymark.contracts.journey.JourneyPublished.TYPE, io.waymark.contracts.feedback.FeedbackResponseRecorded.TYPE,
            io.waymark.contracts.feedback.FeedbackCaseOpened.TYPE, io.waymark.contracts.feedback.FeedbackCaseClosed.TYPE,
            io.waymark.contracts.analytics.ChurnRiskChanged.TYPE);

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(EventFixturesTest.class.getResource("/events").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyFixtureIsACloudEventToTheOfficialSdk() throws Exception {
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        assertNotNull(format, "the SDK's JSON format is on the classpath");
        List<Path> fixtures = fixtures();
        assertFalse(fixtures.isEmpty());
        for (Path fixture : fixtures) {
            CloudEvent event = format.deserialize(Files.readAllBytes(fixture));
            String name = fixture.getFileName().toString();
            assertEquals("1.0", event.getSpecVersion().toString(), name);
            assertTrue(event.getType().startsWith("io.waymark."), name);
            assertNotNull(event.getSubject(), name + ": the subject (customer id) is the Kafka key");
            assertNotNull(event.getExtension("aggregateversion"), name + ": aggregate version extension");
            assertTrue(DECLARED.stream().anyMatch(t -> t.type().equals(event.getType())
                    && t.dataschema().equals(event.getDataSchema().toString())), name + ": a declared type and schema");
            assertTrue(name.startsWith(event.getType().substring("io.waymark.".length())), name + ": named after its type");
        }
    }

    @Test
    void everyDeclaredTypeHasAFixtureAndAVariantWithUnknownFields() throws Exception {
        List<String> names = fixtures().stream().map(p -> p.getFileName().toString()).toList();
        for (EventType type : DECLARED) {
            String base = type.type().substring("io.waymark.".length());
            assertTrue(names.contains(base + ".json"), "fixture for " + base);
            assertTrue(names.contains(base + ".extra-fields.json"), "extra-fields fixture for " + base);
        }
    }

    @Test
    void fixturesCarryNoPersonalData() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (Path fixture : fixtures()) {
            JsonNode data = mapper.readTree(fixture.toFile()).path("data");
            for (String personal : List.of("email", "firstName", "lastName", "phone")) {
                assertFalse(data.has(personal), fixture.getFileName() + " carries " + personal);
            }
        }
    }
}
