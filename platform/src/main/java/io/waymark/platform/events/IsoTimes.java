package io.waymark.platform.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times with an offset ({@code 2026-11-30T09:15:00.123456Z}), written and read as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does, but without its general machinery on the common shape:
 * every event carries several times, and at thousands of events per second the JDK formatter was the largest
 * single cost of writing and reading them. Anything but the common shape goes to the JDK.
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** Exactly what {@code ISO_OFFSET_DATE_TIME.format(t)} gives. */
    public static String format(OffsetDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        StringBuilder b = new StringBuilder(35);
        pad(b, year, 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos > 0) {
            b.append('.');
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            pad(b, nanos, digits);
        }
        ZoneOffset offset = t.getOffset();
        if (offset.getTotalSeconds() == 0) {
            b.append('Z');
        } else {
            b.append(offset.getId());
        }
        return b.toString();
    }

    /** As {@code OffsetDateTime.parse(text)}, quick on {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}. */
    public static OffsetDateTime parse(CharSequence text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) != 'T' && text.charAt(10) != 't')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return OffsetDateTime.parse(text);
        }
        try {
            int i = 19;
            int nanos = 0;
            if (text.charAt(i) == '.') {
                int digits = 0;
                i++;
                while (i < n && Character.isDigit(text.charAt(i)) && digits < 9) {
                    nanos = nanos * 10 + (text.charAt(i++) - '0');
                    digits++;
                }
                if (digits == 0 || (i < n && Character.isDigit(text.charAt(i)))) {
                    return OffsetDateTime.parse(text);
                }
                for (int d = digits; d < 9; d++) {
                    nanos *= 10;
                }
            }
            ZoneOffset offset;
            if (i == n - 1 && (text.charAt(i) == 'Z' || text.charAt(i) == 'z')) {
                offset = ZoneOffset.UTC;
            } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
                int hours = digits(text, i + 1, 2);
                int minutes = digits(text, i + 4, 2);
                offset = ZoneOffset.ofHoursMinutes(text.charAt(i) == '-' ? -hours : hours,
                        text.charAt(i) == '-' ? -minutes : minutes);
            } else {
                return OffsetDateTime.parse(text);
            }
            return OffsetDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2),
                    digits(text, 14, 2), digits(text, 17, 2), nanos, offset);
        } catch (DateTimeException | NumberFormatException e) {
            // an impossible date (February 30th), or not digits where they belong: the JDK says what is wrong
            return OffsetDateTime.parse(text);
        }
    }

    /** Jackson's (de)serializers of {@link OffsetDateTime} through this class, for the events' mapper. */
    public static SimpleModule jacksonModule() {
        return new SimpleModule("waymark-iso-times")
                .addSerializer(OffsetDateTime.class, new StdSerializer<>(OffsetDateTime.class) {
                    @Override
                    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(format(value));
                    }
                })
                .addDeserializer(OffsetDateTime.class, new StdScalarDeserializer<>(OffsetDateTime.class) {
                    @Override
                    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                        if (!p.hasToken(JsonToken.VALUE_STRING)) {
                            return (OffsetDateTime) ctx.handleUnexpectedToken(OffsetDateTime.class, p);
                        }
                        try {
                            return parse(p.getText());
                        } catch (DateTimeParseException e) {
                            return (OffsetDateTime) ctx.handleWeirdStringValue(OffsetDateTime.class, p.getText(),
                                    "not an ISO-8601 time with an offset");
                        }
                    }
                });
    }

    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
