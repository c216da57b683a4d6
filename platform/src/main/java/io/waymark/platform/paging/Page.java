package io.waymark.platform.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a collection. {@code next} is the cursor for the following page ({@code ?cursor=}), absent on
 * the last page; items come in a stable order (by id, which is time-ordered).
 */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * The page a query asked for, from rows fetched with {@code limit + 1}: the extra row only tells that a
     * next page exists, and the cursor points after the last row returned.
     */
    public static <T> Page<T> of(List<T> fetched, PageQuery query, Function<T, UUID> key) {
        if (fetched.size() <= query.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, query.limit()));
        return new Page<>(items, Cursors.encodeId(key.apply(items.get(items.size() - 1))));
    }

    /** As {@link #of}, for a newest-first collection paged by time and id. */
    public static <T> Page<T> ofTimes(List<T> fetched, TimePageQuery query, Function<T, TimeKey> key) {
        if (fetched.size() <= query.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, query.limit()));
        return new Page<>(items, Cursors.encodeTimeKey(key.apply(items.get(items.size() - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
