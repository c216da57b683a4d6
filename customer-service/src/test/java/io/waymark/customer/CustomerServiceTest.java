package io.waymark.customer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.StandardEndpointsContract;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CustomerServiceTest extends StandardEndpointsContract {

    @Override
    protected String collectionPath() {
        return "/customers";
    }

    @Override
    protected String readerRole() {
        return "agent";
    }
}
