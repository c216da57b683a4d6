package io.waymark.feedback;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.StandardEndpointsContract;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class FeedbackServiceTest extends StandardEndpointsContract {

    @Override
    protected String collectionPath() {
        return "/surveys";
    }

    @Override
    protected String readerRole() {
        return "designer";
    }
}
