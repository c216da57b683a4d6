package io.waymark.feedback.domain.customers;

import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.persistence.CaseRepository;
import io.waymark.feedback.persistence.CustomerFactsRepository;
import io.waymark.feedback.persistence.InvitationRepository;
import io.waymark.feedback.persistence.ResponseRepository;
import io.waymark.feedback.persistence.SurveyRepository;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Merges and erasures, applied inside the consumer's transaction. A merge moves everything held under the
 * merged-away id to the last survivor (following merges applied before it). An erasure keeps the answers' numbers (the surveys' scores stay right)
 * without the person: responses lose the customer id, comment and text answers, invitations are deleted,
 * cases keep no customer id and no free text, consent and stage are forgotten, and later answers under the id
 * are refused.
 */
@ApplicationScoped
public class CustomerIdentityChanges {

    private static final List<String> KEYED_BY_CUSTOMER = List.of("survey_response", "invitation", "feedback_case");
    private static final Logger LOG = Logger.getLogger(CustomerIdentityChanges.class);

    private final CustomerFacts customers;
    private final CustomerFactsRepository facts;
    private final ResponseRepository responses;
    private final InvitationRepository invitations;
    private final CaseRepository cases;
    private final SurveyRepository surveys;

    CustomerIdentityChanges(CustomerFacts customers, CustomerFactsRepository facts, ResponseRepository responses,
                            InvitationRepository invitations, CaseRepository cases, SurveyRepository surveys) {
        this.customers = customers;
        this.facts = facts;
        this.responses = responses;
        this.invitations = invitations;
        this.cases = cases;
        this.surveys = surveys;
    }

    /**
     * Moves {@code from}'s data to where {@code into}'s lives now: {@code into} itself, or the last survivor of
     * the merges from it (merges may be applied out of order). If that customer was erased, what {@code from}
     * held is erased too. A merge that would close a cycle (the survivor is {@code from}) changes nothing.
     * Locks {@code from}, then {@code into} and the ids it went to, as answers under them do.
     */
    public Uni<Void> merged(UUID from, UUID into) {
        return facts.lock(from).flatMap(v -> customers.survivor(into)).flatMap(survivor -> {
            if (survivor.id().equals(from)) {
                LOG.warnf("customer.merged %s into %s ignored: %s is merged into %s already", from, into, into, from);
                return Uni.createFrom().voidItem();
            }
            if (survivor.erased()) {
                return forgetPersonalData(from)
                        .flatMap(v -> facts.merged(from, survivor.id()))
                        .flatMap(v -> facts.erased(from, Timestamps.now()));
            }
            return facts.rekey(KEYED_BY_CUSTOMER, from, survivor.id())
                    .flatMap(v -> facts.forget(from))
                    .flatMap(v -> facts.merged(from, survivor.id()));
        });
    }

    /** Locks the customer first: an answer or invitation under way finishes before, or finds them erased. */
    public Uni<Void> erased(UUID customerId, OffsetDateTime at) {
        return facts.lock(customerId)
                .flatMap(v -> forgetPersonalData(customerId))
                .flatMap(v -> facts.erased(customerId, at));
    }

    private Uni<Void> forgetPersonalData(UUID customerId) {
        return responses.ofCustomer(customerId)
                .flatMap(found -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (var response : found) {
                        chain = chain.flatMap(v -> surveys.findById(response.surveyId)
                                .invoke((Survey survey) -> response.forgetPersonalData(survey)).replaceWithVoid());
                    }
                    return chain;
                })
                .flatMap(v -> responses.flush())
                .flatMap(v -> invitations.deleteOfCustomer(customerId))
                .flatMap(v -> cases.forgetCustomer(customerId))
                .flatMap(v -> facts.forget(customerId));
    }
}
