package dev.dynarecord.internal.schema;

import java.lang.invoke.MethodHandles;

/**
 * A lookup with private access into a model class, for its constructor, fields and callbacks.
 * {@link MethodHandles#privateLookupIn} requires this module to read the model's module, which a
 * named module does not do by itself: the read edge is added first (a no-op on the classpath). The
 * model's package must still be open to {@code dev.dynarecord.core}.
 */
final class ModelLookup {

    private ModelLookup() {
    }

    static MethodHandles.Lookup in(Class<?> type) throws IllegalAccessException {
        ModelLookup.class.getModule().addReads(type.getModule());
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }
}
