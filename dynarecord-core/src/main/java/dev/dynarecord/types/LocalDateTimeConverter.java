package dev.dynarecord.types;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@code LocalDateTime}: {@code 2026-11-21T10:15:30.123456789} (always 9 fraction digits, so the
 * strings sort) or epoch seconds taken at UTC.
 */
final class LocalDateTimeConverter extends TimeConverter<LocalDateTime> {

    LocalDateTimeConverter(TimeFormat format) {
        super(format, "LocalDateTime");
    }

    @Override
    String isoText(LocalDateTime value) {
        String text = IsoTime.format(value);
        return text != null ? text : value.toString();
    }

    @Override
    LocalDateTime parseFixed(String text) {
        return text.length() == IsoTime.DATE_TIME_LENGTH ? IsoTime.parseDateTime(text) : null;
    }

    @Override
    LocalDateTime parseStandard(String text) {
        return LocalDateTime.parse(text);
    }

    @Override
    String epochText(LocalDateTime value) {
        return EpochSeconds.text(value.toEpochSecond(ZoneOffset.UTC), value.getNano());
    }

    @Override
    LocalDateTime fromEpoch(long seconds, int nanos) {
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }
}
