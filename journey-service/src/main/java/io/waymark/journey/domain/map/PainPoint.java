package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Something that hurts at a touchpoint; severity 1 (annoying) to 3 (makes customers give up). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PainPoint(String text, Integer severity) {
}
