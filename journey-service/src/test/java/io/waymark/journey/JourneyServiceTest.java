package io.waymark.journey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.devstack.DevstackTestResource;
import io.waymark.devstack.StandardEndpointsContract;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class JourneyServiceTest extends StandardEndpointsContract {
}
