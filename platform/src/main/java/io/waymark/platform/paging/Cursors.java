package io.waymark.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque paging cursors: the last id of a page (or its time and id, for newest-first collections),
 * base64url-encoded so clients do not build them by hand.
 */
public final class Cursors {

    private Cursors() {
    }

    public static String encodeId(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor (the first page); {@link IllegalArgumentException} for one this API did not hand out. */
    public static UUID decodeId(String cursor) {
        String raw = raw(cursor);
        if (raw == null) {
            return null;
        }
        if (!raw.startsWith("id:")) {
            throw new IllegalArgumentException("not a cursor");
        }
        return UUID.fromString(raw.substring(3));
    }

    public static String encodeTimeKey(TimeKey last) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, last.at().toInstant());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("t:" + micros + ":" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #decodeId}, for a cursor of {@link #encodeTimeKey}. */
    public static TimeKey decodeTimeKey(String cursor) {
        String raw = raw(cursor);
        if (raw == null) {
            return null;
        }
        String[] parts = raw.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("t")) {
            throw new IllegalArgumentException("not a cursor");
        }
        Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
        return new TimeKey(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), UUID.fromString(parts[2]));
    }

    private static String raw(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        return new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
    }
}
