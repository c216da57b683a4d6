package io.waymark.platform.paging;

import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a newest-first collection to fetch: the entries before {@code before}, at most {@code limit}.
 * Repositories fetch {@link #fetchSize()} entries and {@link Page#ofTimes} builds the page.
 */
public record TimePageQuery(TimeKey before, int limit) {

    public int fetchSize() {
        return limit + 1;
    }

    /** From the raw query parameters; both bad at once are reported together. */
    public static TimePageQuery parse(String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageQuery.parseLimit(limit, errors);
        TimeKey before = TimeKey.NEWEST;
        try {
            TimeKey decoded = Cursors.decodeTimeKey(cursor);
            before = decoded == null ? before : decoded;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cursor", "is not a cursor this API handed out"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid("invalid paging parameters", errors);
        }
        return new TimePageQuery(before, size);
    }
}
