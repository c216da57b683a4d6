package io.waymark.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque paging cursors: the last id of a page, base64url-encoded so clients do not build them by hand. */
public final class Cursors {

    private Cursors() {
    }

    public static String encodeId(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor (the first page); {@link IllegalArgumentException} for one this API did not hand out. */
    public static UUID decodeId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        if (!raw.startsWith("id:")) {
            throw new IllegalArgumentException("not a cursor");
        }
        return UUID.fromString(raw.substring(3));
    }
}
