package dev.dynarecord.types;

import java.lang.reflect.Type;

/** TEMPORARY stub, replaced by the types branch. */
public final class Converters {
    private Converters() {
    }

    /** @param type t @param options o @return converter */
    public static AttributeConverter<?> resolve(Type type, ConverterOptions options) {
        throw new UnsupportedOperationException();
    }

    /** @param <T> t @param type t @param converter c */
    public static <T> void register(Class<T> type, AttributeConverter<T> converter) {
        throw new UnsupportedOperationException();
    }
}
