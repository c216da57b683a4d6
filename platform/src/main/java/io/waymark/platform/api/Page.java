package io.waymark.platform.api;

import java.util.List;

/**
 * One page of a collection. {@code next} is the cursor for the following page ({@code ?cursor=}), absent on
 * the last page; items come in a stable order (by id, which is time-ordered).
 */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
}
