package io.waymark.customer.domain.filter;

import io.waymark.contracts.LifecycleStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A value in a filter. The parser reads {@link Text}, {@link Decimal}, {@link Bool} and {@link RelativeTime};
 * its type check turns a string compared with a stage into a {@link StageName} and one compared with a time
 * field into an {@link AbsoluteTime}.
 */
public sealed interface Literal {

    record Text(String value) implements Literal {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number of at most 15 digits, so that it is the same number as a Java {@code double}. */
    record Decimal(BigDecimal value) implements Literal {
        public Decimal {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value) implements Literal {
    }

    /** {@code now}, {@code now-30d}: {@code offset} from the moment the filter runs; {@code text} as written. */
    record RelativeTime(Duration offset, String text) implements Literal {
        public RelativeTime {
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A moment, to the microsecond (what PostgreSQL keeps). */
    record AbsoluteTime(Instant at) implements Literal {
        public AbsoluteTime {
            Objects.requireNonNull(at, "at");
        }
    }

    record StageName(LifecycleStage stage) implements Literal {
        public StageName {
            Objects.requireNonNull(stage, "stage");
        }
    }
}
