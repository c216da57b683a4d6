package io.waymark.customer.domain;

import io.waymark.platform.domain.Gone;
import io.waymark.platform.domain.Moved;
import io.waymark.platform.domain.NotFound;
import java.util.UUID;

/** What an id names once looked up: the live customer, or why there is none (never was, merged away, erased). */
final class LiveCustomers {

    private LiveCustomers() {
    }

    static Customer require(Customer found, UUID id) {
        if (found == null) {
            throw new NotFound("customer", id);
        }
        return switch (found.status) {
            case Customer.MERGED -> throw new Moved("customer", id, found.mergedInto);
            case Customer.ERASED -> throw new Gone("customer " + id + " was erased at the customer's request");
            default -> found;
        };
    }
}
