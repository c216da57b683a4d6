package io.waymark.analytics.messaging;

import static io.restassured.RestAssured.given;
import static io.waymark.analytics.messaging.CustomerEvents.created;
import static io.waymark.analytics.messaging.CustomerEvents.send;
import static io.waymark.analytics.messaging.CustomerEvents.stageRows;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * analytics-service's part of GDPR and merges: what it holds is exported to customer-service, forgotten on
 * erasure, and a merged-away customer stops counting.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ErasureTest {

    private static String privacyToken() {
        return Tokens.forClient("customer-service", "customer-service-secret");
    }

    @Test
    void aCustomersRowIsExportedThenForgottenWhenErased() {
        UUID customer = UUID.randomUUID();
        send(customer.toString(), created(UUID.randomUUID(), customer, "PURCHASE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(customer) == 1);
        given().auth().oauth2(privacyToken()).get("/privacy/customers/" + customer).then().statusCode(200)
                .body("service", equalTo("analytics-service")).body("parts.lifecycleStage.stage", equalTo("PURCHASE"));
        given().auth().oauth2(Tokens.forRole("admin")).get("/privacy/customers/" + customer).then().statusCode(403);

        send(customer.toString(), CustomerEvents.fixture("customer.erased.v1", UUID.randomUUID(), customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(customer) == 0);
        given().auth().oauth2(privacyToken()).get("/privacy/customers/" + customer).then().statusCode(200)
                .body("parts", anEmptyMap());
    }

    @Test
    void aCustomerMergedIntoAnotherStopsCounting() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        send(merged.toString(), created(UUID.randomUUID(), merged, "AWARENESS"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(merged) == 1);
        send(merged.toString(), CustomerEvents.fixture("customer.merged.v1", UUID.randomUUID(), merged)
                .replace("\"toCustomerId\": \"" + merged + "\"", "\"toCustomerId\": \"" + survivor + "\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(merged) == 0);
    }
}
