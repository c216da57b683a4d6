package io.waymark.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where Maven put what the devstack runs. The devstack module's build writes two files into its target/
 * folder: the classpath of the devstack process (with the Kafka broker and the PostgreSQL JDBC driver) and
 * the paths of the server distributions (Keycloak, embedded PostgreSQL) in the local Maven repository.
 */
final class Distributions {

    private Distributions() {
    }

    static Path classesDir(Settings settings) {
        return settings.root().resolve("devstack/target/classes");
    }

    /** The classpath of the devstack process: its classes and everything the devstack module resolved. */
    static String classpath(Settings settings) {
        return classesDir(settings) + java.io.File.pathSeparator + read(settings, "devstack.classpath");
    }

    static Path path(Settings settings, String artifactPrefix) {
        return Arrays.stream(read(settings, "devstack.distributions").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(artifactPrefix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the devstack build resolved no " + artifactPrefix
                        + "; run ./mvnw -pl devstack package"));
    }

    private static String read(Settings settings, String file) {
        Path p = settings.root().resolve("devstack/target").resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: build the devstack first (./mvnw -pl devstack package)");
        }
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
