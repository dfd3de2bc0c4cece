package dev.dynarecord.types;

import java.time.DateTimeException;
import java.time.LocalDate;

/** {@code LocalDate}: {@code 2026-11-21} or, as epoch "seconds", the epoch day {@code 20778}. */
final class LocalDateConverter extends TimeConverter<LocalDate> {

    LocalDateConverter(TimeFormat format) {
        super(format, "LocalDate");
    }

    @Override
    String isoText(LocalDate value) {
        String text = IsoTime.format(value);
        return text != null ? text : value.toString();
    }

    @Override
    LocalDate parseFixed(String text) {
        return IsoTime.parseDate(text);
    }

    @Override
    LocalDate parseStandard(String text) {
        return LocalDate.parse(text);
    }

    @Override
    String epochText(LocalDate value) {
        return Long.toString(value.toEpochDay());
    }

    @Override
    LocalDate fromEpoch(long days, int nanos) {
        if (nanos != 0) {
            throw new DateTimeException("an epoch day has no fraction");
        }
        return LocalDate.ofEpochDay(days);
    }
}
