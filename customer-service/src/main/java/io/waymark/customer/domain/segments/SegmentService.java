package io.waymark.customer.domain.segments;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.Customer;
import io.waymark.customer.domain.filter.FilterParser;
import io.waymark.customer.domain.filter.FilterScope;
import io.waymark.customer.domain.filter.SegmentSql;
import io.waymark.customer.domain.filter.SqlFilter;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.customer.persistence.SegmentQueries;
import io.waymark.customer.persistence.SegmentQueries.Density;
import io.waymark.customer.persistence.SegmentQueries.Narrowing;
import io.waymark.customer.persistence.SegmentRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.paging.Cursors;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Segments: filters over customers (docs/segments.md), previewed, saved, and listed member by member. */
@ApplicationScoped
public class SegmentService {

    static final int SAMPLE_SIZE = 10;
    /** Above this many members, walking the id index finds a sample at once (see SegmentQueries.memberIds). */
    static final long DENSE_FROM = 5_000;

    /** How many customers a filter matches now, and the first few of them. */
    public record Preview(long count, List<Customer> sample) {
    }

    /** A saved segment with its size now. */
    public record Sized(Segment segment, long size) {
    }

    private final SegmentRepository segments;
    private final SegmentQueries queries;
    private final CustomerRepository customers;

    SegmentService(SegmentRepository segments, SegmentQueries queries, CustomerRepository customers) {
        this.segments = segments;
        this.queries = queries;
        this.customers = customers;
    }

    /*
     * The segment queries run on the reactive pool, outside any Hibernate session: a session holds its own
     * connection from the same pool, and holding one while waiting for another deadlocks under load. Sessions
     * here are short: find the segment, load the customers.
     */

    public Uni<Preview> preview(String filter) {
        SqlFilter sql = compile(filter);
        return queries.count(sql).flatMap(count -> count == 0 ? Uni.createFrom().item(new Preview(0, List.of()))
                : queries.memberIds(sql, new Narrowing(Optional.empty(), Optional.empty(), null, SAMPLE_SIZE),
                                count >= DENSE_FROM ? Density.DENSE : Density.SPARSE)
                        .flatMap(this::load).map(sample -> new Preview(count, sample)));
    }

    @WithTransaction
    public Uni<Segment> create(String name, String description, String filter, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "1-100 characters"));
        }
        if (description != null && description.length() > 1000) {
            errors.add(new FieldError("description", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid("invalid segment", errors);
        }
        compile(filter);
        Segment segment = new Segment();
        segment.id = Ids.newId();
        segment.name = name.trim();
        segment.description = description;
        segment.filter = filter.trim();
        segment.createdBy = createdBy;
        segment.createdAt = Timestamps.now();
        segment.updatedAt = segment.createdAt;
        return segments.nameTaken(segment.name, segment.id).flatMap(taken -> taken
                ? Uni.createFrom().failure(new Conflict("a segment named " + segment.name + " already exists"))
                : segments.persist(segment));
    }

    public Uni<Sized> get(UUID id) {
        return Panache.withSession(() -> find(id))
                .flatMap(s -> queries.count(compile(s.filter)).map(size -> new Sized(s, size)));
    }

    @WithSession
    public Uni<Page<Segment>> list(PageQuery page) {
        return segments.page(page).map(found -> Page.of(found, page, s -> s.id));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return find(id).flatMap(segments::delete);
    }

    /**
     * The segment's customers in id order, narrowed by text and stage when given (for
     * {@code GET /customers?segment=}).
     */
    /**
     * Only the ids of a segment's members, in larger pages (up to {@link #MAX_ID_PAGE}): for services that count
     * per customer (analytics restricting a funnel to a segment).
     */
    public Uni<Page<UUID>> memberIds(UUID id, String after, int limit) {
        if (limit < 1 || limit > MAX_ID_PAGE) {
            throw Invalid.field("limit", "a whole number from 1 to " + MAX_ID_PAGE);
        }
        PageQuery page;
        try {
            page = new PageQuery(Cursors.decodeId(after), limit);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("cursor", "is not a cursor this API handed out");
        }
        return Panache.withSession(() -> find(id)).flatMap(s -> queries.memberIds(compile(s.filter),
                        new Narrowing(Optional.empty(), Optional.empty(), page.after(), page.fetchSize()), Density.SPARSE))
                .map(ids -> Page.of(ids, page, x -> x));
    }

    public static final int MAX_ID_PAGE = 10_000;

    public Uni<Page<Customer>> members(UUID id, Optional<String> text, Optional<String> stage, PageQuery page) {
        return Panache.withSession(() -> find(id)).flatMap(s -> queries.memberIds(compile(s.filter),
                        new Narrowing(text, stage, page.after(), page.fetchSize()), Density.SPARSE))
                .flatMap(this::load).map(found -> Page.of(found, page, c -> c.id));
    }

    private Uni<Segment> find(UUID id) {
        return segments.findById(id).onItem().ifNull().failWith(() -> new NotFound("segment", id));
    }

    /** The customers of these ids that are still live (one may have been merged or erased meanwhile). */
    private Uni<List<Customer>> load(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : Panache.withSession(() -> customers.list("id in ?1 and status = ?2 order by id", ids, Customer.ACTIVE));
    }

    private static SqlFilter compile(String filter) {
        if (filter == null || filter.isBlank()) {
            throw Invalid.field("filter", "a filter is required (docs/segments.md)");
        }
        return SegmentSql.compile(FilterParser.parse(filter, FilterScope.SEGMENT), Instant.now(), 1);
    }
}
