package io.waymark.journey.domain.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Copies of the lists a journey map holds. */
final class NullableLists {

    private NullableLists() {
    }

    /**
     * An unmodifiable copy, empty for null. Null elements are kept (unlike {@link List#copyOf}) so that
     * validation can name them by their index instead of the constructor failing with a NullPointerException.
     */
    static <T> List<T> copyOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
