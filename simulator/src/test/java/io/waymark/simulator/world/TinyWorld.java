package io.waymark.simulator.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A three-touchpoint world written to a folder, for tests: visit, buy (bad), use. */
public final class TinyWorld {

    public static final String MAP = """
            {"name": "Tiny", "ownerTeam": "product", "persona": {"name": "Tia"}, "stages": [
              {"key": "look", "name": "Look", "lifecycleStage": "AWARENESS", "touchpoints": [
                {"key": "visit", "name": "Visit", "channel": "web", "emotion": 0, "expectedDuration": "PT5M",
                 "interactionTypes": ["page_view"]}]},
              {"key": "buy", "name": "Buy", "lifecycleStage": "PURCHASE", "touchpoints": [
                {"key": "pay", "name": "Pay", "channel": "web", "ownerTeam": "sales", "emotion": -1, "expectedDuration": "PT5M",
                 "interactionTypes": ["purchase"]}]},
              {"key": "use", "name": "Use", "lifecycleStage": "RETENTION", "touchpoints": [
                {"key": "app", "name": "App", "channel": "mobile_app", "emotion": 1, "expectedDuration": "PT5M",
                 "interactionTypes": ["onboarding_completed", "app_opened"]}]}]}
            """;

    public static final String WORLD = """
            name: tiny
            days: 100
            arrivalDays: 60
            people: 10
            journeys:
              - key: tiny
                map: tiny.json
                start: { visit: 1 }
                activity: { touchpoint: app, type: app_opened, everyDays: 5 }
                touchpoints:
                  visit: { types: [page_view], identifies: true, goOn: 0.7, delay: PT10M }
                  pay:
                    types: [payment_submitted]
                    onGoOn: [purchase]
                    goOn: 0.5
                    delay: PT1H
                    bad: true
                    churn: 0.4
                    feedback: { survey: CSAT, chance: 0.5, scores: [0.5, 0.2, 0.1, 0.1, 0.1], comments: 0.5 }
                  app:
                    types: [onboarding_started, onboarding_completed]
                    feedback: { survey: NPS, chance: 0.5, scores: [0, 0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.2] }
            personas:
              - { key: tia, share: 1, journey: tiny, anonymousFirst: 0.5, consents: 1, churn: 0.1 }
            churn: { silentDays: 30, detractor: 0.2, afterDays: 10 }
            comments:
              happy: ["Great."]
              neutral: ["Fine."]
              unhappy: ["Awful."]
            """;

    private TinyWorld() {
    }

    /** The world file (with {@code world} as its text) in {@code folder}, beside the tiny map. */
    public static Path write(Path folder, String world) {
        try {
            Files.writeString(folder.resolve("tiny.json"), MAP);
            return Files.writeString(folder.resolve("world.yaml"), world);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
