package io.waymark.platform.api;

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

    /** Null for no cursor (the first page); a 400 problem for one this service did not hand out. */
    public static UUID decodeId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("id:")) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw.substring(3));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor '" + cursor + "' is not one this API handed out");
        }
    }
}
