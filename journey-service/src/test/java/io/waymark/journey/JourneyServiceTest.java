package io.waymark.journey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.StandardEndpointsContract;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class JourneyServiceTest extends StandardEndpointsContract {

    @Override
    protected String collectionPath() {
        return "/journeys";
    }

    @Override
    protected String readerRole() {
        return "designer";
    }
}
