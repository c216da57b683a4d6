package io.waymark.customer.domain.filter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as filters compare them: to the microsecond, as PostgreSQL keeps a timestamptz. */
final class FilterTimes {

    private FilterTimes() {
    }

    /** The moment a time literal stands for, relative times counting from {@code now}. */
    static Instant resolve(Literal literal, Instant now) {
        return switch (literal) {
            case Literal.RelativeTime relative -> micros(now).plus(relative.offset());
            case Literal.AbsoluteTime absolute -> micros(absolute.at());
            default -> throw new IllegalArgumentException("expected a time, not " + FilterText.render(literal));
        };
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
