package io.waymark.customer.domain.filter;

import java.util.List;
import java.util.Objects;

/**
 * A filter as a PostgreSQL condition over {@code customer c}: {@code where} holds only fixed SQL, column names
 * and placeholders {@code $n} (each with a cast); {@code params} are their values in order, the first for the
 * placeholder the compiler was told to start at. Params are {@code String}, {@code String[]}, {@code Double},
 * {@code Boolean} and {@code OffsetDateTime}; a {@code jsonb} param is a {@code String} of JSON.
 */
public record SqlFilter(String where, List<Object> params) {

    public SqlFilter {
        Objects.requireNonNull(where, "where");
        params = List.copyOf(params);
    }
}
