package io.waymark.journey.domain.map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.waymark.contracts.LifecycleStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The example map in docs/examples is valid and survives the exchange format. */
class JourneySampleTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static Path sample() {
        // surefire runs in the module directory; an IDE may run in the repository root
        Path fromModule = Path.of("..", "docs", "examples", "journey-online-store.json");
        return Files.exists(fromModule) ? fromModule : Path.of("docs", "examples", "journey-online-store.json");
    }

    private static JourneyDocument readSample() throws IOException {
        return STRICT.readValue(sample().toFile(), JourneyDocument.class);
    }

    @Test
    void theSampleIsAValidJourneyMap() throws IOException {
        JourneyDocument sample = readSample();
        assertDoesNotThrow(() -> JourneyValidation.check(sample));
        assertEquals("Online store: first purchase", sample.name());
        assertEquals("product", sample.ownerTeam());
        assertEquals(List.of("Discover", "Consider", "Purchase", "Onboard", "Use", "Recommend"),
                sample.stages().stream().map(Stage::name).toList());
        assertEquals(Arrays.asList(LifecycleStage.values()),
                sample.stages().stream().map(Stage::lifecycleStage).toList());
        List<Touchpoint> touchpoints = sample.stages().stream().flatMap(s -> s.touchpoints().stream()).toList();
        assertEquals(20, touchpoints.size());
        assertEquals(Set.of("marketing", "sales", "support", "onboarding"),
                new TreeSet<>(touchpoints.stream().map(Touchpoint::ownerTeam).toList()));
        Set<String> interactionTypes = new TreeSet<>(touchpoints.stream().flatMap(t -> t.interactionTypes().stream()).toList());
        assertTrue(interactionTypes.containsAll(List.of("page_view", "trial_started", "checkout_started", "purchase",
                "onboarding_started", "onboarding_completed", "support_ticket", "review_posted")), interactionTypes.toString());
        assertTrue(touchpoints.stream().allMatch(t -> t.emotion() != null && t.expectedDuration() != null));
        assertTrue(touchpoints.stream().anyMatch(t -> t.emotion() < 0) && touchpoints.stream().anyMatch(t -> t.emotion() > 0));
    }

    @Test
    void anExportedMapReadsBackEqualAndDiffsEmpty() throws IOException {
        JourneyDocument sample = readSample();
        String exported = STRICT.writeValueAsString(sample);
        JourneyDocument imported = STRICT.readValue(exported, JourneyDocument.class);
        assertEquals(sample, imported);
        assertEquals(List.of(), JourneyDiff.between(sample, imported).changes());
    }

    @Test
    void absentOptionalFieldsStayAbsentOnExport() throws IOException {
        JourneyDocument doc = JourneyFixtures.journey(JourneyFixtures.stage("s",
                new Touchpoint("t", "T", "web", "sales", null, null, 0, null, null, null, null)));
        assertEquals("""
                {"name":"Map","ownerTeam":"product","persona":{"name":"Riley","goals":["Pay quickly"],"frustrations":[]},\
                "stages":[{"key":"s","name":"Stage s","lifecycleStage":"PURCHASE","touchpoints":[{"key":"t","name":"T",\
                "channel":"web","ownerTeam":"sales","emotion":0,"painPoints":[],"opportunities":[],"interactionTypes":[]}]}]}""",
                STRICT.writeValueAsString(doc));
    }

    @Test
    void unknownChannelsAndStatusesReadFineButUnknownPropertiesDoNot() throws IOException {
        String touchpoint = """
                {"key": "t", "name": "T", "channel": "carrier_pigeon", "ownerTeam": "sales", "emotion": 0,
                 "opportunities": [{"text": "Faster birds", "status": "someday"}]}""";
        Touchpoint read = STRICT.readValue(touchpoint, Touchpoint.class);
        assertEquals("carrier_pigeon", read.channel());
        assertEquals("someday", read.opportunities().get(0).status());
        assertThrows(UnrecognizedPropertyException.class,
                () -> STRICT.readValue("{\"name\": \"Map\", \"colour\": \"blue\"}", JourneyDocument.class));
    }
}
