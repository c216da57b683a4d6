package io.waymark.customer.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.persistence.ConsentChangeRepository;
import io.waymark.customer.persistence.IdentityRepository;
import io.waymark.customer.persistence.StageTransitionRepository;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The GDPR export (art. 15/20): everything customer-service holds about a customer, and what every other
 * service answers for it. A service that cannot answer is named with the reason; the export never fails whole.
 */
@ApplicationScoped
public class ExportService {

    /** The whole document: this service's data, each other service's parts, and who could not answer. */
    public record Export(UUID customerId, OffsetDateTime exportedAt, CustomerServiceData customerService,
                         Map<String, JsonNode> otherServices, List<Unavailable> unavailable) {
    }

    public record CustomerServiceData(Customer customer, List<String> anonymousIds, List<StageTransition> stageHistory,
                                      List<ConsentChange> consentHistory) {
    }

    public record Unavailable(String service, String reason) {
    }

    private final CustomerService customers;
    private final IdentityRepository identities;
    private final StageTransitionRepository transitions;
    private final ConsentChangeRepository consents;
    private final OtherServices others;

    ExportService(CustomerService customers, IdentityRepository identities, StageTransitionRepository transitions,
                  ConsentChangeRepository consents, OtherServices others) {
        this.customers = customers;
        this.identities = identities;
        this.transitions = transitions;
        this.consents = consents;
        this.others = others;
    }

    /**
     * The other services are asked outside any session (their answers may take seconds; a session would hold
     * a database connection all that time), then this service's data is read in one short session.
     */
    public Uni<Export> export(UUID customerId) {
        return customers.get(customerId)
                .flatMap(found -> others.personalData(customerId))
                .flatMap(parts -> Panache.withSession(() -> ownData(customerId)).map(own -> assemble(customerId, own, parts)));
    }

    private Uni<CustomerServiceData> ownData(UUID customerId) {
        return customers.get(customerId).flatMap(c -> identities.anonymousIdsOf(c.id)
                .flatMap(anonymous -> transitions.list("customerId = ?1 order by id", c.id)
                        .flatMap(moves -> consents.list("customerId = ?1 order by id", c.id)
                                .map(answers -> new CustomerServiceData(c, anonymous, moves, answers)))));
    }

    private static Export assemble(UUID customerId, CustomerServiceData own, List<OtherServices.Part> parts) {
        Map<String, JsonNode> answered = new LinkedHashMap<>();
        List<Unavailable> unavailable = new ArrayList<>();
        for (OtherServices.Part part : parts) {
            if (part.unavailableBecause() == null) {
                answered.put(part.service(), part.data());
            } else {
                unavailable.add(new Unavailable(part.service(), part.unavailableBecause()));
            }
        }
        return new Export(customerId, Timestamps.now(), own, answered, unavailable);
    }
}
