package io.waymark.customer.domain.rules;

import io.waymark.contracts.LifecycleStage;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A list of stages as comma-separated names (the reactive client maps jsonb to objects only, not arrays). */
@Converter
public class StageListConverter implements AttributeConverter<List<LifecycleStage>, String> {

    @Override
    public String convertToDatabaseColumn(List<LifecycleStage> stages) {
        return stages == null ? "" : stages.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<LifecycleStage> convertToEntityAttribute(String text) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(text.split(",")).map(LifecycleStage::valueOf).toList());
    }
}
