package io.waymark.feedback.domain.customers;

import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.persistence.CaseRepository;
import io.waymark.feedback.persistence.CustomerFactsRepository;
import io.waymark.feedback.persistence.InvitationRepository;
import io.waymark.feedback.persistence.ResponseRepository;
import io.waymark.feedback.persistence.SurveyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Merges and erasures, applied inside the consumer's transaction. A merge moves everything held under the
 * merged-away id to the survivor. An erasure keeps the answers' numbers (the surveys' scores stay right)
 * without the person: responses lose the customer id, comment and text answers, invitations are deleted,
 * cases keep no customer id and no free text, consent and stage are forgotten, and later answers under the id
 * are refused.
 */
@ApplicationScoped
public class CustomerIdentityChanges {

    private static final List<String> KEYED_BY_CUSTOMER = List.of("survey_response", "invitation", "feedback_case");

    private final CustomerFactsRepository facts;
    private final ResponseRepository responses;
    private final InvitationRepository invitations;
    private final CaseRepository cases;
    private final SurveyRepository surveys;

    CustomerIdentityChanges(CustomerFactsRepository facts, ResponseRepository responses, InvitationRepository invitations,
                            CaseRepository cases, SurveyRepository surveys) {
        this.facts = facts;
        this.responses = responses;
        this.invitations = invitations;
        this.cases = cases;
        this.surveys = surveys;
    }

    public Uni<Void> merged(UUID from, UUID into) {
        return facts.rekey(KEYED_BY_CUSTOMER, from, into)
                .flatMap(v -> facts.forget(from))
                .flatMap(v -> facts.merged(from, into));
    }

    public Uni<Void> erased(UUID customerId, OffsetDateTime at) {
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
                .flatMap(v -> facts.forget(customerId))
                .flatMap(v -> facts.erased(customerId, at));
    }
}
