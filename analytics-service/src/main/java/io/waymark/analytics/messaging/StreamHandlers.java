package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.model.ChurnHistoryModel;
import io.waymark.analytics.domain.model.FeedbackModel;
import io.waymark.analytics.domain.model.InteractionModel;
import io.waymark.analytics.persistence.JourneyVersions;
import io.waymark.contracts.EventType;
import io.waymark.contracts.feedback.FeedbackCaseClosed;
import io.waymark.contracts.feedback.FeedbackCaseOpened;
import io.waymark.contracts.feedback.FeedbackResponseRecorded;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.contracts.journey.JourneyPublished;
import io.waymark.platform.messaging.BatchEventHandler;
import io.waymark.platform.messaging.InteractionEvents;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** journey.maps, journey.interactions and feedback.events into the read models. */
final class StreamHandlers {

    private StreamHandlers() {
    }

    /** A published map version, kept for its touchpoints' order, names, designed emotions and durations. */
    @ApplicationScoped
    static class Published implements BatchEventHandler<JourneyPublished> {

        private final JourneyVersions versions;
        private final InteractionModel interactions;

        Published(JourneyVersions versions, InteractionModel interactions) {
            this.versions = versions;
            this.interactions = interactions;
        }

        @Override
        public EventType type() {
            return JourneyPublished.TYPE;
        }

        @Override
        public Class<JourneyPublished> dataType() {
            return JourneyPublished.class;
        }

        @Override
        public boolean deduplicatesItself() {
            return true;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<JourneyPublished>> events, SqlConnection tx) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReceivedEvent<JourneyPublished> e : events) {
                JourneyPublished v = e.data();
                if (v.journeyId() == null || v.version() < 1 || v.publishedAt() == null) {
                    throw new InvalidEvent("journey.published " + e.id() + " needs journeyId, version and publishedAt");
                }
                chain = chain.flatMap(x -> versions.save(tx, v)).flatMap(x -> interactions.countUnordered(tx, v.journeyId()));
            }
            return chain;
        }
    }

    /** The interaction stream: facts per subject change only when new, so no inbox is needed. */
    @ApplicationScoped
    static class Interactions implements BatchEventHandler<InteractionRecorded> {

        private final InteractionModel interactions;

        Interactions(InteractionModel interactions) {
            this.interactions = interactions;
        }

        @Override
        public EventType type() {
            return InteractionRecorded.TYPE;
        }

        @Override
        public Class<InteractionRecorded> dataType() {
            return InteractionRecorded.class;
        }

        @Override
        public boolean deduplicatesItself() {
            return true;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<InteractionRecorded>> events, SqlConnection tx) {
            events.forEach(InteractionEvents::requireComplete);
            return interactions.apply(tx, events.stream().map(ReceivedEvent::data).toList());
        }
    }

    @ApplicationScoped
    static class Answers implements BatchEventHandler<FeedbackResponseRecorded> {

        private final FeedbackModel feedback;

        Answers(FeedbackModel feedback) {
            this.feedback = feedback;
        }

        @Override
        public EventType type() {
            return FeedbackResponseRecorded.TYPE;
        }

        @Override
        public Class<FeedbackResponseRecorded> dataType() {
            return FeedbackResponseRecorded.class;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<FeedbackResponseRecorded>> events, SqlConnection tx) {
            for (ReceivedEvent<FeedbackResponseRecorded> e : events) {
                if (e.data().responseId() == null || e.data().recordedAt() == null) {
                    throw new InvalidEvent("feedback.response-recorded " + e.id() + " needs responseId and recordedAt");
                }
            }
            return feedback.answers(tx, events.stream().map(ReceivedEvent::data).toList());
        }
    }

    @ApplicationScoped
    static class CaseOpened implements BatchEventHandler<FeedbackCaseOpened> {

        private final FeedbackModel feedback;
        private final ChurnHistoryModel churn;

        CaseOpened(FeedbackModel feedback, ChurnHistoryModel churn) {
            this.feedback = feedback;
            this.churn = churn;
        }

        @Override
        public EventType type() {
            return FeedbackCaseOpened.TYPE;
        }

        @Override
        public Class<FeedbackCaseOpened> dataType() {
            return FeedbackCaseOpened.class;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<FeedbackCaseOpened>> events, SqlConnection tx) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReceivedEvent<FeedbackCaseOpened> e : events) {
                if (e.data().caseId() == null) {
                    throw new InvalidEvent("feedback.case-opened " + e.id() + " needs a caseId");
                }
                long version = e.aggregateVersion() == null ? 1 : e.aggregateVersion();
                FeedbackCaseOpened c = e.data();
                chain = chain.flatMap(v -> feedback.caseState(tx, c.caseId(), c.journeyId(), c.touchpointKey(), true, version))
                        .flatMap(v -> churn.caseOpened(tx, c.caseId(), c.customerId(), c.openedAt(), c.dueAt(), version));
            }
            return chain;
        }
    }

    @ApplicationScoped
    static class CaseClosed implements BatchEventHandler<FeedbackCaseClosed> {

        private final FeedbackModel feedback;
        private final ChurnHistoryModel churn;

        CaseClosed(FeedbackModel feedback, ChurnHistoryModel churn) {
            this.feedback = feedback;
            this.churn = churn;
        }

        @Override
        public EventType type() {
            return FeedbackCaseClosed.TYPE;
        }

        @Override
        public Class<FeedbackCaseClosed> dataType() {
            return FeedbackCaseClosed.class;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<FeedbackCaseClosed>> events, SqlConnection tx) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReceivedEvent<FeedbackCaseClosed> e : events) {
                if (e.data().caseId() == null) {
                    throw new InvalidEvent("feedback.case-closed " + e.id() + " needs a caseId");
                }
                long version = e.aggregateVersion() == null ? 1 : e.aggregateVersion();
                FeedbackCaseClosed c = e.data();
                chain = chain.flatMap(v -> feedback.caseState(tx, c.caseId(), c.journeyId(), c.touchpointKey(), false, version))
                        .flatMap(v -> churn.caseClosed(tx, c.caseId(), c.customerId(),
                                c.closedAt() != null ? c.closedAt() : e.time(), version));
            }
            return chain;
        }
    }
}
