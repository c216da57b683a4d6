package io.waymark.customer.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.feedback.FeedbackResponseRecorded;
import io.waymark.customer.domain.rules.LifecycleRule;
import io.waymark.customer.domain.rules.RuleApplier;
import io.waymark.customer.domain.rules.RuleEvent;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** A survey answer: the feedback rules may move the customer (a promoter becomes an advocate). */
@ApplicationScoped
public class FeedbackResponseHandler implements EventHandler<FeedbackResponseRecorded> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleApplier rules;

    FeedbackResponseHandler(RuleApplier rules) {
        this.rules = rules;
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
    @SuppressWarnings("unchecked")
    public Uni<Void> handle(ReceivedEvent<FeedbackResponseRecorded> event) {
        if (event.data().customerId() == null) {
            throw new InvalidEvent("feedback response " + event.id() + " needs a customerId");
        }
        Map<String, Object> data = JSON.convertValue(event.rawData(), Map.class);
        return rules.apply(event.data().customerId(), new RuleEvent(LifecycleRule.FEEDBACK_RESPONSE, null, event.id(),
                data, event.data().recordedAt()));
    }
}
