package io.waymark.feedback.domain.survey;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.persistence.SurveyRepository;
import io.waymark.platform.domain.Caller;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Surveys: written as drafts (replaced whole while draft), then activated to take answers and closed to stop.
 * Designers write surveys for any team: the owning team is where cases go when the touchpoint has no owner.
 */
@ApplicationScoped
public class SurveyService {

    private final SurveyRepository surveys;

    SurveyService(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @WithTransaction
    public Uni<Survey> create(SurveyDefinition definition, Caller author) {
        SurveyKind kind = SurveyRules.check(definition);
        OffsetDateTime now = Timestamps.now();
        Survey survey = new Survey();
        survey.id = Ids.newId();
        survey.define(definition, kind);
        survey.status = Survey.DRAFT;
        survey.createdBy = author.user();
        survey.createdAt = now;
        survey.updatedAt = now;
        return surveys.persist(survey);
    }

    /** Replaces a draft; an active or closed survey keeps what its answers were given to (409). */
    @WithTransaction
    public Uni<Survey> replace(UUID id, SurveyDefinition definition, Optional<Long> expectedRevision) {
        SurveyKind kind = SurveyRules.check(definition);
        return get(id).map(survey -> {
            if (!Survey.DRAFT.equals(survey.status)) {
                throw new Conflict("survey " + id + " is " + survey.status + "; only a draft can change");
            }
            if (expectedRevision.isPresent() && expectedRevision.get() != survey.revision) {
                throw new PreconditionFailed("survey " + id + " is at revision " + survey.revision + ", not "
                        + expectedRevision.get() + "; read it again");
            }
            survey.define(definition, kind);
            survey.revision++;
            survey.updatedAt = Timestamps.now();
            return survey;
        }).call(surveys::flush);
    }

    @WithTransaction
    public Uni<Survey> activate(UUID id) {
        return get(id).map(survey -> {
            if (!Survey.DRAFT.equals(survey.status)) {
                throw new Conflict("survey " + id + " is " + survey.status + "; only a draft can be activated");
            }
            survey.status = Survey.ACTIVE;
            survey.revision++;
            survey.activatedAt = Timestamps.now();
            survey.updatedAt = survey.activatedAt;
            return survey;
        }).call(surveys::flush);
    }

    @WithTransaction
    public Uni<Survey> close(UUID id) {
        return get(id).map(survey -> {
            if (Survey.CLOSED.equals(survey.status)) {
                throw new Conflict("survey " + id + " is closed already");
            }
            survey.status = Survey.CLOSED;
            survey.revision++;
            survey.closedAt = Timestamps.now();
            survey.updatedAt = survey.closedAt;
            return survey;
        }).call(surveys::flush);
    }

    @WithSession
    public Uni<Survey> get(UUID id) {
        return surveys.findById(id).onItem().ifNull().failWith(() -> new NotFound("survey", id));
    }

    @WithSession
    public Uni<Page<Survey>> search(SurveySearch search) {
        return surveys.search(search).map(found -> Page.of(found, search.page(), s -> s.id));
    }
}
