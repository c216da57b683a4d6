package io.waymark.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick ISO times say exactly what the JDK's formatter says, and read what it reads. */
class IsoTimesTest {

    @Test
    void formatsAndParsesLikeTheJdkOnManyTimes() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-62_000_000_000L, 253_402_300_799L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = i % 3 == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            OffsetDateTime t = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second, nanos), offset);
            String jdk = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
            assertEquals(jdk, IsoTimes.format(t));
            assertEquals(OffsetDateTime.parse(jdk), IsoTimes.parse(jdk), jdk);
        }
    }

    @Test
    void otherShapesGoToTheJdkAndBadOnesAreRefusedAlike() {
        for (String ok : new String[] {"2026-11-30T09:15Z", "2026-11-30T09:15:00.5+01:00", "2026-11-30t09:15:00z",
                "2026-11-30T09:15:00+01:00:30", "+12026-11-30T09:15:00Z", "2026-11-30T09:15:00.Z"}) {
            assertEquals(OffsetDateTime.parse(ok), IsoTimes.parse(ok), ok);
        }
        for (String bad : new String[] {"2026-02-30T09:15:00Z", "2026-11-30T25:15:00Z", "2026-11-30T09:15:00",
                "2026-1x-30T09:15:00Z", "2026-11-30T09:15:00.1234567891Z", "yesterday"}) {
            assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(bad), bad);
            assertThrows(DateTimeParseException.class, () -> IsoTimes.parse(bad), bad);
        }
    }
}
