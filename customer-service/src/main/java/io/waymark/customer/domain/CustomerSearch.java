package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import io.waymark.platform.paging.PageQuery;
import java.util.Optional;

/**
 * Which customers to list: {@code text} matches email, first or last name by case-insensitive substring,
 * {@code stage} filters by lifecycle stage; both optional.
 */
public record CustomerSearch(Optional<String> text, Optional<LifecycleStage> stage, PageQuery page) {
}
