package io.waymark.journey.domain.map;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which keys kept their relative order between two versions of a list of unique keys. */
final class KeyOrder {

    private KeyOrder() {
    }

    /**
     * The largest set of keys common to both lists whose relative order is the same in both (a longest common
     * subsequence; with unique keys, the longest increasing run of old positions taken in new order). Every
     * other common key moved. Ties are broken the same way every time: after {@code [a, b] -> [b, a]} the kept
     * set is {@code {a}}, so {@code b} is the one that moved.
     */
    static Set<String> keptInOrder(List<String> from, List<String> to) {
        Map<String, Integer> oldPosition = new HashMap<>();
        for (int i = 0; i < from.size(); i++) {
            oldPosition.put(from.get(i), i);
        }
        List<String> common = to.stream().filter(oldPosition::containsKey).toList();
        int[] positions = common.stream().mapToInt(oldPosition::get).toArray();
        // tails[n]: the index in common that ends the best increasing run of length n + 1 found so far
        int[] tails = new int[positions.length];
        int[] previous = new int[positions.length];
        int length = 0;
        for (int k = 0; k < positions.length; k++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (positions[tails[middle]] < positions[k]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[k] = low > 0 ? tails[low - 1] : -1;
            tails[low] = k;
            if (low == length) {
                length++;
            }
        }
        Set<String> kept = new HashSet<>();
        for (int k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k]) {
            kept.add(common.get(k));
        }
        return kept;
    }
}
