package dev.dynarecord.types;

import java.time.Instant;

/**
 * {@code Instant}: {@code 2026-11-21T10:15:30.123456789Z} (always 9 fraction digits, UTC, so the
 * strings sort in time order) or epoch seconds {@code 1795256130.123456789}.
 */
final class InstantConverter extends TimeConverter<Instant> {

    InstantConverter(TimeFormat format) {
        super(format, "Instant");
    }

    @Override
    String isoText(Instant value) {
        String text = IsoTime.format(value);
        return text != null ? text : value.toString();
    }

    @Override
    Instant parseFixed(String text) {
        return IsoTime.parseInstant(text);
    }

    @Override
    Instant parseStandard(String text) {
        return Instant.parse(text); // also accepts offsets such as +02:00
    }

    @Override
    String epochText(Instant value) {
        return EpochSeconds.text(value.getEpochSecond(), value.getNano());
    }

    @Override
    Instant fromEpoch(long seconds, int nanos) {
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
