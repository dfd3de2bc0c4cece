package dev.dynarecord.types;

import java.time.LocalTime;

/** {@code LocalTime}: {@code 10:15:30.123456789} (fixed width) or seconds of the day. */
final class LocalTimeConverter extends TimeConverter<LocalTime> {

    LocalTimeConverter(TimeFormat format) {
        super(format, "LocalTime");
    }

    @Override
    String isoText(LocalTime value) {
        return IsoTime.format(value);
    }

    @Override
    LocalTime parseFixed(String text) {
        return IsoTime.parseTime(text);
    }

    @Override
    LocalTime parseStandard(String text) {
        return LocalTime.parse(text);
    }

    @Override
    String epochText(LocalTime value) {
        return EpochSeconds.text(value.toSecondOfDay(), value.getNano());
    }

    @Override
    LocalTime fromEpoch(long seconds, int nanos) {
        return LocalTime.ofSecondOfDay(seconds).withNano(nanos);
    }
}
