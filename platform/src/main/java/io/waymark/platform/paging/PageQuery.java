package io.waymark.platform.paging;

import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which page to fetch: the rows after {@code after} (null for the first page), at most {@code limit} of them.
 * Repositories fetch {@link #fetchSize()} rows and {@link Page#of} builds the page.
 */
public record PageQuery(UUID after, int limit) {

    public static PageQuery first(int limit) {
        return new PageQuery(null, limit);
    }

    public int fetchSize() {
        return limit + 1;
    }

    /** From the raw query parameters; both bad at once are reported together. */
    public static PageQuery parse(String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        int size = parseLimit(limit, errors);
        UUID after = null;
        try {
            after = Cursors.decodeId(cursor);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cursor", "is not a cursor this API handed out"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid("invalid paging parameters", errors);
        }
        return new PageQuery(after, size);
    }

    /** The page size asked for (default {@link Page#DEFAULT_LIMIT}); a bad one is added to {@code errors}. */
    static int parseLimit(String limit, List<FieldError> errors) {
        if (limit == null || limit.isBlank()) {
            return Page.DEFAULT_LIMIT;
        }
        int size;
        try {
            size = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > Page.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + Page.MAX_LIMIT));
        }
        return size;
    }
}
