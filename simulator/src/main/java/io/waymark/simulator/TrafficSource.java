package io.waymark.simulator;

/** What a load run sends: the JSON array of the next {@code size} interactions; called from several threads at once. */
public interface TrafficSource {

    String next(int size);
}
