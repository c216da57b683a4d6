package io.waymark.devstack;

/** One server of the devstack: reused when it already answers, else started and later stopped by us. */
interface Server {

    String name();

    /** True when the server answers on its port (whoever started it). */
    boolean isUp();

    /** Starts the server and returns once it is ready. */
    void start();

    /** Stops the server this devstack started. */
    void stop();

    /** Stops a server a previous devstack left running (found through its pid file); for {@code down}. */
    void stopLeftover();
}
