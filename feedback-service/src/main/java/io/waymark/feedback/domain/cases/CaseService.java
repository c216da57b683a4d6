package io.waymark.feedback.domain.cases;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.feedback.FeedbackCaseClosed;
import io.waymark.contracts.feedback.FeedbackCaseOpened;
import io.waymark.feedback.domain.FeedbackConfig;
import io.waymark.feedback.domain.TextRules;
import io.waymark.feedback.domain.customers.CustomerFacts;
import io.waymark.feedback.domain.invitation.InvitationService;
import io.waymark.feedback.domain.invitation.IssuedInvitation;
import io.waymark.feedback.domain.response.SurveyResponse;
import io.waymark.feedback.persistence.CaseHistoryRepository;
import io.waymark.feedback.persistence.CaseRepository;
import io.waymark.feedback.persistence.ResponseRepository;
import io.waymark.platform.domain.Caller;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Follow-up cases as their teams work them. Agents see and change only their teams' cases: another team's case
 * does not exist for them (404), and lists show only their teams'. Every change is a history row (who, when,
 * what); closing publishes case-closed, reopening case-opened again (with the next aggregate version).
 */
@ApplicationScoped
public class CaseService {

    /** A case and what its reader needs with it: the answer that opened it and its history. */
    public record CaseDetail(FeedbackCase kase, SurveyResponse response, List<CaseHistory> history) {
    }

    /** A changed case, with the invitation issued for it (its token is shown only this once). */
    public record CaseUpdate(CaseDetail detail, Optional<IssuedInvitation> invitation) {
    }

    private final CaseRepository cases;
    private final CaseHistoryRepository history;
    private final ResponseRepository responses;
    private final CaseOpener opener;
    private final InvitationService invitations;
    private final CustomerFacts customers;
    private final Outbox outbox;
    private final FeedbackConfig config;

    CaseService(CaseRepository cases, CaseHistoryRepository history, ResponseRepository responses, CaseOpener opener,
                InvitationService invitations, CustomerFacts customers, Outbox outbox, FeedbackConfig config) {
        this.cases = cases;
        this.history = history;
        this.responses = responses;
        this.opener = opener;
        this.invitations = invitations;
        this.customers = customers;
        this.outbox = outbox;
        this.config = config;
    }

    @WithSession
    public Uni<Page<FeedbackCase>> search(CaseSearch search) {
        return cases.search(search, Timestamps.now()).map(found -> Page.of(found, search.page(), c -> c.id));
    }

    @WithSession
    public Uni<CaseDetail> get(UUID id, Caller caller) {
        return visible(id, caller).flatMap(this::detail);
    }

    @WithTransaction
    public Uni<CaseUpdate> change(UUID id, CaseChange change, Caller caller) {
        check(change);
        return visible(id, caller).call(c -> lockCustomerFor(change, c)).flatMap(c -> {
            if (change.expectedRevision().isPresent() && change.expectedRevision().get() != c.revision) {
                throw new PreconditionFailed("case " + id + " is at revision " + c.revision + ", not "
                        + change.expectedRevision().get() + "; read it again");
            }
            String before = c.status;
            CaseHistory entry = apply(c, change, caller, Timestamps.now());
            Uni<Optional<IssuedInvitation>> invitation = change.followUpInvitation()
                    ? invitations.followUp(c, caller).map(Optional::of) : Uni.createFrom().item(Optional.empty());
            return history.persist(entry)
                    .flatMap(h -> cases.flush())
                    .flatMap(v -> event(c, before))
                    .flatMap(v -> invitation)
                    .flatMap(issued -> detail(c).map(d -> new CaseUpdate(d, issued)));
        });
    }

    /**
     * A follow-up invitation locks the customer: before the case row is written, as an erasure locks the
     * customer before it changes their cases (the other order could deadlock with it).
     */
    private Uni<?> lockCustomerFor(CaseChange change, FeedbackCase c) {
        return change.followUpInvitation() && c.customerId != null ? customers.survivor(c.customerId)
                : Uni.createFrom().voidItem();
    }

    /** Applies the change to the case and returns its history row. */
    private CaseHistory apply(FeedbackCase c, CaseChange change, Caller caller, OffsetDateTime now) {
        CaseHistory h = new CaseHistory();
        h.id = Ids.newId();
        h.caseId = c.id;
        h.at = now;
        h.actor = caller.user();
        if (change.status() != null) {
            CaseStatus.checkMove(c.status, change.status());
            h.statusFrom = c.status;
            h.statusTo = change.status();
            move(c, change.status(), now);
        }
        if (change.assignee() != null && !Objects.equals(c.assignee, change.assignee().to())) {
            h.assigneeFrom = c.assignee;
            h.assigneeTo = change.assignee().to();
            c.assignee = change.assignee().to();
        }
        if (change.rootCause() != null) {
            c.rootCause = h.rootCause = change.rootCause();
        }
        if (change.rootCauseText() != null) {
            c.rootCauseText = h.rootCauseText = change.rootCauseText().strip();
        }
        h.note = TextRules.trimmed(change.note());
        c.revision++;
        c.updatedAt = now;
        return h;
    }

    private void move(FeedbackCase c, String to, OffsetDateTime now) {
        c.status = to;
        switch (to) {
            case CaseStatus.RESOLVED -> c.resolvedAt = now;
            case CaseStatus.CLOSED -> c.closedAt = now;
            case CaseStatus.REOPENED -> {
                // a new attempt: resolution, recovery and the SLA start again
                c.resolvedAt = null;
                c.closedAt = null;
                c.followUpResponseId = null;
                c.scoreAfter = null;
                c.normalizedAfter = null;
                c.dueAt = now.plus(opener.sla(c.priority));
            }
            default -> {
            }
        }
    }

    private Uni<Void> event(FeedbackCase c, String before) {
        if (c.status.equals(before)) {
            return Uni.createFrom().voidItem();
        }
        // keyed by customer; a case whose customer was erased is keyed by itself (its data has no customer)
        UUID key = c.customerId != null ? c.customerId : c.id;
        return switch (c.status) {
            case CaseStatus.CLOSED -> outbox.record(Topics.FEEDBACK_EVENTS, FeedbackCaseClosed.TYPE, key,
                    c.revision, c.closed()).replaceWithVoid();
            case CaseStatus.REOPENED -> outbox.record(Topics.FEEDBACK_EVENTS, FeedbackCaseOpened.TYPE, key,
                    c.revision, c.opened(c.updatedAt)).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }

    private void check(CaseChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.isEmpty()) {
            errors.add(new FieldError("(body)", "name what changes: status, assignee, rootCause, rootCauseText, note "
                    + "or followUpInvitation"));
        }
        if (change.status() != null && !CaseStatus.ALL.contains(change.status())) {
            errors.add(new FieldError("status", "one of " + String.join(", ", CaseStatus.ALL)));
        }
        if (change.rootCause() != null && !config.rootCauses().contains(change.rootCause())) {
            errors.add(new FieldError("rootCause", "one of " + String.join(", ", config.rootCauses())));
        }
        if (change.assignee() != null) {
            TextRules.check(errors, "assignee", change.assignee().to(), 100, false);
        }
        TextRules.check(errors, "rootCauseText", change.rootCauseText(), 1000, false);
        TextRules.check(errors, "note", change.note(), 2000, false);
        if (change.followUpInvitation() && !CaseStatus.RESOLVED.equals(change.status())) {
            errors.add(new FieldError("followUpInvitation", "only with \"status\": \"resolved\""));
        }
        if (!errors.isEmpty()) {
            throw new Invalid("the change is not valid", errors);
        }
    }

    /** The case, if the caller may see it: an admin any, an agent their teams' (another team's is 404). */
    private Uni<FeedbackCase> visible(UUID id, Caller caller) {
        return cases.findById(id).map(c -> {
            if (c == null || !caller.belongsTo(c.team)) {
                throw new NotFound("case", id);
            }
            return c;
        });
    }

    private Uni<CaseDetail> detail(FeedbackCase c) {
        return responses.findById(c.responseId)
                .flatMap(r -> history.ofCase(c.id).map(h -> new CaseDetail(c, r, h)));
    }
}
