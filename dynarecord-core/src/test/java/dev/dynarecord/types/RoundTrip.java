package dev.dynarecord.types;

import java.lang.reflect.Type;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Test support: resolve a converter and send values through it. */
final class RoundTrip {

    private RoundTrip() {
    }

    @SuppressWarnings("unchecked")
    static <T> AttributeConverter<T> converter(Type type, ConverterOptions options) {
        return (AttributeConverter<T>) Converters.resolve(type, options);
    }

    static <T> AttributeConverter<T> converter(Type type) {
        return converter(type, ConverterOptions.DEFAULT);
    }

    static AttributeValue write(Type type, Object value) {
        return converter(type).toAttributeValue(value);
    }

    static <T> T read(Type type, AttributeValue value) {
        AttributeConverter<T> converter = converter(type);
        return converter.fromAttributeValue(value);
    }

    static <T> T of(Type type, T value) {
        return of(type, value, ConverterOptions.DEFAULT);
    }

    static <T> T of(Type type, T value, ConverterOptions options) {
        AttributeConverter<T> converter = converter(type, options);
        return converter.fromAttributeValue(converter.toAttributeValue(value));
    }

    static final TimeFormat EPOCH = TimeFormat.EPOCH_SECONDS;

    static ConverterOptions epoch() {
        return new ConverterOptions(false, EPOCH);
    }

    /** The seed for random tests: {@code -Dseed=...} to replay one. */
    static long seed() {
        return Long.getLong("seed", System.nanoTime());
    }

    static Random random(long seed) {
        return new Random(seed);
    }
}
