package io.waymark.journey.api;

/** Examples for the OpenAPI document (Swagger UI); the full sample is docs/examples/journey-online-store.json. */
final class JourneyExamples {

    static final String SMALL = """
            {
              "name": "Online store: first purchase",
              "description": "From the first ad to the first order",
              "ownerTeam": "product",
              "persona": {"name": "Remote-working Riley", "description": "Furnishes a small home office",
                          "goals": ["a desk that fits"], "frustrations": ["hidden delivery costs"],
                          "quote": "If I can't see what it costs to get it to my door, I close the tab."},
              "stages": [
                {"key": "discover", "name": "Discover", "lifecycleStage": "AWARENESS", "description": "Finds us",
                 "touchpoints": [
                   {"key": "search-ad", "name": "Search ad", "channel": "web", "ownerTeam": "marketing",
                    "action": "Clicks a sponsored result", "goal": "Find a small desk", "emotion": 0,
                    "expectedDuration": "PT1M", "painPoints": [{"text": "Lands on the home page", "severity": 2}],
                    "opportunities": [{"text": "Deep-link ads to the product", "ownerTeam": "marketing", "status": "idea"}],
                    "interactionTypes": ["ad_click", "page_view"]}]},
                {"key": "purchase", "name": "Purchase", "lifecycleStage": "PURCHASE",
                 "touchpoints": [
                   {"key": "checkout", "name": "Checkout", "channel": "web", "ownerTeam": "sales",
                    "action": "Pays by card", "goal": "Order without surprises", "emotion": -1,
                    "interactionTypes": ["checkout_started", "purchase"]}]}
              ]
            }""";

    private JourneyExamples() {
    }
}
