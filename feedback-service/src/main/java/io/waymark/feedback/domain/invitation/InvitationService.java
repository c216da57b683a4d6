package io.waymark.feedback.domain.invitation;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.FeedbackConfig;
import io.waymark.feedback.domain.cases.FeedbackCase;
import io.waymark.feedback.domain.customers.CustomerFacts;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.persistence.InvitationRepository;
import io.waymark.feedback.persistence.SurveyRepository;
import io.waymark.platform.domain.Caller;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Invitations: single-use links for a customer to answer an active survey without logging in. Only for
 * customers whose latest known {@code surveys} consent (from customer.events) is a grant: no known answer
 * is no consent.
 */
@ApplicationScoped
public class InvitationService {

    private final InvitationRepository invitations;
    private final SurveyRepository surveys;
    private final CustomerFacts customers;
    private final FeedbackConfig config;

    InvitationService(InvitationRepository invitations, SurveyRepository surveys, CustomerFacts customers,
                      FeedbackConfig config) {
        this.invitations = invitations;
        this.surveys = surveys;
        this.customers = customers;
        this.config = config;
    }

    @WithTransaction
    public Uni<IssuedInvitation> invite(UUID surveyId, UUID customerId, Caller caller) {
        return surveys.findById(surveyId).onItem().ifNull().failWith(() -> new NotFound("survey", surveyId))
                .flatMap(survey -> issue(survey, customerId, null, caller));
    }

    /**
     * "Did we fix it?": an invitation to the case's survey for the case's customer, linked to the case so their
     * answer is the case's score after. Runs in the caller's transaction (the case's change).
     */
    public Uni<IssuedInvitation> followUp(FeedbackCase c, Caller caller) {
        if (c.customerId == null) {
            throw new Conflict("case " + c.id + " has no customer any more (erased): nobody to invite");
        }
        return surveys.findById(c.surveyId).flatMap(survey -> issue(survey, c.customerId, c.id, caller));
    }

    private Uni<IssuedInvitation> issue(Survey survey, UUID customerId, UUID caseId, Caller caller) {
        if (!survey.isActive()) {
            throw new Conflict("survey " + survey.id + " is " + survey.status + "; invitations are for active surveys");
        }
        return customers.current(customerId)
                .flatMap(customer -> customers.consentsToSurveys(customer).flatMap(consents -> {
                    if (!consents) {
                        throw new Conflict("customer " + customer + " has not consented to surveys: feedback-service "
                                + "knows no granted 'surveys' consent for them (from customer.events)");
                    }
                    String token = InvitationTokens.newToken();
                    OffsetDateTime now = Timestamps.now();
                    Invitation invitation = new Invitation();
                    invitation.id = Ids.newId();
                    invitation.tokenHash = InvitationTokens.hash(token);
                    invitation.surveyId = survey.id;
                    invitation.customerId = customer;
                    invitation.caseId = caseId;
                    invitation.createdBy = caller.user();
                    invitation.createdAt = now;
                    invitation.expiresAt = now.plus(config.invitationTtl());
                    return invitations.persist(invitation).map(saved -> new IssuedInvitation(saved.id, survey.id,
                            customer, caseId, token, url(token), saved.expiresAt));
                }));
    }

    private String url(String token) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/public/invitations/" + token;
    }
}
