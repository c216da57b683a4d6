package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a touchpoint happens. In JSON a channel is its lowercase name: {@code web}, {@code mobile_app}, ... */
public enum Channel {
    WEB,
    MOBILE_APP,
    EMAIL,
    SMS,
    PHONE,
    CHAT,
    SOCIAL,
    STORE,
    EVENT,
    PARTNER,
    OTHER;

    /** The JSON values, in declaration order. */
    public static final List<String> VALUES = Arrays.stream(values()).map(Channel::value).toList();

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel whose JSON value this is exactly (case matters), if any. */
    public static Optional<Channel> fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value().equals(value)).findFirst();
    }
}
