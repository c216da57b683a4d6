package io.waymark.customer.persistence;

import io.waymark.customer.domain.segments.Segment;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SegmentRepository implements IdPagedRepository<Segment> {
}
