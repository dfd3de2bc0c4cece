package dev.dynarecord.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@code ZonedDateTime}: {@code 2026-11-21T10:15:30.123456789+01:00[Europe/Paris]} (offset and
 * zone kept; no bracket when the zone is an offset) or epoch seconds, read back at UTC (offset
 * and zone are lost).
 */
final class ZonedDateTimeConverter extends TimeConverter<ZonedDateTime> {

    ZonedDateTimeConverter(TimeFormat format) {
        super(format, "ZonedDateTime");
    }

    @Override
    String isoText(ZonedDateTime value) {
        String local = IsoTime.format(value.toLocalDateTime());
        if (local == null) {
            return value.toString();
        }
        String offset = value.getOffset().getId();
        ZoneId zone = value.getZone();
        return zone instanceof ZoneOffset ? local + offset : local + offset + '[' + zone.getId() + ']';
    }

    @Override
    ZonedDateTime parseFixed(String text) {
        if (text.length() <= IsoTime.DATE_TIME_LENGTH) {
            return null;
        }
        LocalDateTime local = IsoTime.parseDateTime(text);
        if (local == null) {
            return null;
        }
        int bracket = text.indexOf('[', IsoTime.DATE_TIME_LENGTH);
        if (bracket < 0) {
            ZoneOffset offset = ZoneOffset.of(text.substring(IsoTime.DATE_TIME_LENGTH));
            return ZonedDateTime.ofInstant(local, offset, offset);
        }
        if (text.charAt(text.length() - 1) != ']') {
            return null;
        }
        ZoneOffset offset = ZoneOffset.of(text.substring(IsoTime.DATE_TIME_LENGTH, bracket));
        ZoneId zone = ZoneId.of(text.substring(bracket + 1, text.length() - 1));
        return ZonedDateTime.ofInstant(local, offset, zone);
    }

    @Override
    ZonedDateTime parseStandard(String text) {
        return ZonedDateTime.parse(text);
    }

    @Override
    String epochText(ZonedDateTime value) {
        return EpochSeconds.text(value.toEpochSecond(), value.getNano());
    }

    @Override
    ZonedDateTime fromEpoch(long seconds, int nanos) {
        return Instant.ofEpochSecond(seconds, nanos).atZone(ZoneOffset.UTC);
    }
}
