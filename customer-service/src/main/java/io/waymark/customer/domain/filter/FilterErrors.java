package io.waymark.customer.domain.filter;

import io.waymark.platform.domain.Invalid;

/** The one way a filter is refused: {@link Invalid} on field {@code filter}, naming the position. */
final class FilterErrors {

    static final String FIELD = "filter";

    private FilterErrors() {
    }

    /** {@code position} counts characters from 1. */
    static Invalid at(int position, String message) {
        return Invalid.field(FIELD, "at position " + position + ": " + message);
    }

    /** Long words and strings are cut in messages, which stay readable. */
    static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** A character as an error shows it: {@code 'x'}, or {@code U+0000} when it would not show. */
    static String character(int codePoint) {
        int type = Character.getType(codePoint);
        boolean visible = type != Character.UNASSIGNED && type != Character.CONTROL && type != Character.FORMAT
                && type != Character.SURROGATE && type != Character.PRIVATE_USE && !Character.isSpaceChar(codePoint);
        return visible ? "'" + Character.toString(codePoint) + "'" : String.format("U+%04X", codePoint);
    }
}
