package io.waymark.simulator.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The same facts as plain rows (schema {@code bench_raw} of the benchmark's database), streamed in with COPY:
 * what a "just query the raw data" design would read, for the side-by-side timing of {@link PlainQueries}.
 */
final class RawSink implements BenchWorld.Sink, AutoCloseable {

    static final String SCHEMA = """
            drop schema if exists bench_raw cascade;
            create schema bench_raw;
            create table bench_raw.stage_change (customer uuid not null, from_rank smallint, to_rank smallint not null,
                at timestamptz not null, seconds_in_previous bigint);
            create table bench_raw.interaction (subject text not null, occurred_at timestamptz not null, journey_id uuid,
                touchpoint_rank smallint);
            create table bench_raw.response (customer uuid not null, kind text not null, score int, normalized float8,
                sentiment float8, label text, stage text, channel text, journey_id uuid, touchpoint_rank smallint,
                recorded_at timestamptz not null);
            """;
    /** Indexes a careful author of the plain queries would add, and fresh statistics. */
    static final String INDEXES = """
            create index on bench_raw.stage_change (customer, to_rank, at);
            create index on bench_raw.interaction (journey_id, subject) where journey_id is not null;
            create index on bench_raw.response (recorded_at);
            analyze bench_raw.stage_change; analyze bench_raw.interaction; analyze bench_raw.response;
            """;

    private final Copy stages;
    private final Copy interactions;
    private final Copy answers;
    private boolean closed;

    RawSink(Connection[] connections) throws SQLException {
        stages = new Copy(connections[0], "copy bench_raw.stage_change from stdin");
        interactions = new Copy(connections[1], "copy bench_raw.interaction from stdin");
        answers = new Copy(connections[2], "copy bench_raw.response from stdin");
    }

    static String label(double sentiment) {
        return sentiment >= 0.05 ? "positive" : sentiment <= -0.05 ? "negative" : "neutral";
    }

    @Override
    public void journey(UUID id, int index) {
        // the plain queries know the designed order: it is the touchpoint's rank
    }

    @Override
    public void created(UUID customer, String stage, long at) {
        stages.row(customer + "\t\\N\t0\t" + Instant.ofEpochSecond(at) + "\t\\N");
    }

    @Override
    public void moved(UUID customer, long version, int from, int to, long at, long secondsInPrevious) {
        stages.row(customer + "\t" + from + "\t" + to + "\t" + Instant.ofEpochSecond(at) + "\t" + secondsInPrevious);
    }

    @Override
    public void interaction(String subject, boolean anonymous, long at, String channel, UUID journey, int touchpoint) {
        interactions.row(subject + "\t" + Instant.ofEpochSecond(at) + "\t" + (journey == null ? "\\N\t\\N" : journey + "\t" + touchpoint));
    }

    @Override
    public void answer(UUID customer, String kind, int score, double normalized, Double sentiment, String stage,
                       String channel, UUID journey, int touchpoint, long at) {
        answers.row(customer + "\t" + kind + "\t" + score + "\t" + normalized + "\t"
                + (sentiment == null ? "\\N\t\\N" : sentiment + "\t" + label(sentiment)) + "\t" + stage + "\t" + channel
                + "\t" + (journey == null ? "\\N\t\\N" : journey + "\t" + touchpoint) + "\t" + Instant.ofEpochSecond(at));
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        stages.end();
        interactions.end();
        answers.end();
    }

    static void indexes(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(INDEXES);
        }
    }

    /** One COPY stream, written in 256 KiB chunks. */
    private static final class Copy {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(300_000);

        Copy(Connection c, String sql) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        void row(String line) {
            buffer.append(line).append('\n');
            if (buffer.length() > 256 * 1024) {
                flush();
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the raw tables failed", e);
            }
        }

        void end() throws SQLException {
            flush();
            copy.endCopy();
        }
    }
}
