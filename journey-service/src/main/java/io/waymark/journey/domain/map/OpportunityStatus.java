package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How far an opportunity has got. In JSON a status is its lowercase name: {@code idea}, {@code planned}, ... */
public enum OpportunityStatus {
    IDEA,
    PLANNED,
    DONE;

    /** The JSON values, in declaration order. */
    public static final List<String> VALUES = Arrays.stream(values()).map(OpportunityStatus::value).toList();

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose JSON value this is exactly (case matters), if any. */
    public static Optional<OpportunityStatus> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
