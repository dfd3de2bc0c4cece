package dev.dynarecord.types;

import java.time.Duration;

/** {@code Duration}: ISO-8601 {@code PT8H6M12.345S} (does not sort) or a number of seconds. */
final class DurationConverter extends TimeConverter<Duration> {

    DurationConverter(TimeFormat format) {
        super(format, "Duration");
    }

    @Override
    String isoText(Duration value) {
        return value.toString();
    }

    @Override
    Duration parseFixed(String text) {
        return null;
    }

    @Override
    Duration parseStandard(String text) {
        return Duration.parse(text);
    }

    @Override
    String epochText(Duration value) {
        return EpochSeconds.text(value.getSeconds(), value.getNano());
    }

    @Override
    Duration fromEpoch(long seconds, int nanos) {
        return Duration.ofSeconds(seconds, nanos);
    }
}
