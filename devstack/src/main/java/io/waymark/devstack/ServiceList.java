package io.waymark.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The apps and databases of Waymark, read from {@code waymark-services.conf} (one line each): the only
 * list of services. Adding a service is a line there.
 *
 * @param name     short name (ports: {@code waymark.<name>.port}; logs and pids: {@code <name>.log})
 * @param module   the Maven module whose fast-jar runs it, if it is an app
 * @param port     its default HTTP port
 * @param database the database it owns (and {@code <database>_test} for tests), if any
 * @param upstream the property that tells the gateway where it runs, if the gateway routes to it
 */
public record ServiceList(String name, Optional<String> module, int port, Optional<String> database,
                          Optional<String> upstream) {

    private static final List<ServiceList> ALL = read();

    public static List<ServiceList> apps() {
        return ALL.stream().filter(s -> s.module().isPresent()).toList();
    }

    public static List<String> databases() {
        return ALL.stream().flatMap(s -> s.database().stream()).toList();
    }

    public static ServiceList app(String name) {
        return apps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown app " + name));
    }

    private static List<ServiceList> read() {
        try (InputStream in = ServiceList.class.getResourceAsStream("/waymark-services.conf")) {
            if (in == null) {
                throw new IllegalStateException("waymark-services.conf is missing from the devstack jar");
            }
            List<ServiceList> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = trimmed.split("\\s+");
                if (f.length != 5) {
                    throw new IllegalStateException("waymark-services.conf: 5 columns expected in '" + line + "'");
                }
                entries.add(new ServiceList(f[0], optional(f[1]), f[2].equals("-") ? 0 : Integer.parseInt(f[2]),
                        optional(f[3]), optional(f[4])));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> optional(String field) {
        return field.equals("-") ? Optional.empty() : Optional.of(field);
    }
}
