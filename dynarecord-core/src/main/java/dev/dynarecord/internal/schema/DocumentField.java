package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.types.AttributeConverter;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Type;

/**
 * One stored field of an embedded document: its name in the map, its Java name and type, its
 * converter, and how to read it (and, outside records, write it). Immutable and thread-safe.
 *
 * @param name the key in the stored map
 * @param fieldName the Java field (or bean property) name
 * @param genericType the declared type
 * @param converter its converter, built with the document's session converters
 * @param getter {@code (Object) Object}
 * @param setter {@code (Object, Object) void}; null in a record, whose canonical constructor sets it
 */
record DocumentField(String name, String fieldName, Type genericType, Class<?> rawType, AttributeConverter<Object> converter,
        MethodHandle getter, MethodHandle setter) {

    Object get(Object document) {
        try {
            return getter.invokeExact(document);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    void set(Object document, Object value) {
        try {
            setter.invokeExact(document, value == null ? Primitives.zero(rawType) : value);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static RuntimeException failed(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new DynarecordException("document field access failed: " + t, t);
    }
}
