package dev.dynarecord.internal.schema;

import dev.dynarecord.Model;

/** Builds schemas for unit tests, with the model base class's bookkeeping fields, as the runtime does. */
public final class TestSchemas {

    /** The base class of every model. */
    public static final BaseClass BASE = base();

    private TestSchemas() {
    }

    /**
     * @param type a model class
     * @return its schema, freshly built (not cached)
     */
    public static ModelSchema<?> of(Class<?> type) {
        return ModelSchema.build(type, BASE);
    }

    private static BaseClass base() {
        try {
            return new BaseClass(Model.class, Model.class.getDeclaredField("id"), Model.class.getDeclaredField("createdAt"),
                    Model.class.getDeclaredField("updatedAt"));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
