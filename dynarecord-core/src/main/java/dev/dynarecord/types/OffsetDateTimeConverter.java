package dev.dynarecord.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code OffsetDateTime}: {@code 2026-11-21T10:15:30.123456789+02:00} (the offset is kept; the
 * strings sort only among equal offsets) or epoch seconds, read back at UTC (the offset is lost).
 */
final class OffsetDateTimeConverter extends TimeConverter<OffsetDateTime> {

    OffsetDateTimeConverter(TimeFormat format) {
        super(format, "OffsetDateTime");
    }

    @Override
    String isoText(OffsetDateTime value) {
        String local = IsoTime.format(value.toLocalDateTime());
        return local != null ? local + value.getOffset().getId() : value.toString();
    }

    @Override
    OffsetDateTime parseFixed(String text) {
        if (text.length() <= IsoTime.DATE_TIME_LENGTH || text.indexOf('[') >= 0) {
            return null;
        }
        LocalDateTime local = IsoTime.parseDateTime(text);
        return local == null ? null
                : OffsetDateTime.of(local, ZoneOffset.of(text.substring(IsoTime.DATE_TIME_LENGTH)));
    }

    @Override
    OffsetDateTime parseStandard(String text) {
        return OffsetDateTime.parse(text);
    }

    @Override
    String epochText(OffsetDateTime value) {
        return EpochSeconds.text(value.toEpochSecond(), value.getNano());
    }

    @Override
    OffsetDateTime fromEpoch(long seconds, int nanos) {
        return Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.UTC);
    }
}
