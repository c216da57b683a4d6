package io.waymark.platform.api;

import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import io.waymark.platform.paging.TimePageQuery;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The paging parameters of every list endpoint ({@code @BeanParam PageParams page}). Taken as text and
 * parsed here, so {@code ?limit=abc} is a 400 naming {@code limit} rather than JAX-RS' 404.
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Page size, 1–" + Page.MAX_LIMIT + " (default " + Page.DEFAULT_LIMIT + ")",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + Page.MAX_LIMIT,
                    defaultValue = "" + Page.DEFAULT_LIMIT))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The `next` value of the previous page")
    String cursor;

    public PageQuery query() {
        return PageQuery.parse(limit, cursor);
    }

    /** For a newest-first collection paged by time and id (timelines). */
    public TimePageQuery newestFirst() {
        return TimePageQuery.parse(limit, cursor);
    }
}
