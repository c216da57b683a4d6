package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An idea to improve a touchpoint; {@code status} is one of {@link OpportunityStatus}'s values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Opportunity(String text, String ownerTeam, String status) {
}
