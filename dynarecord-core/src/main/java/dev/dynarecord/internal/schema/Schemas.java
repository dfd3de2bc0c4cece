package dev.dynarecord.internal.schema;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.schema.BaseClass;
import dev.dynarecord.internal.schema.ModelSchema;

/** The schema cache: one {@link ModelSchema} per model class, built on first use. */
public final class Schemas {

    private static final BaseClass BASE = base();

    private static final ClassValue<ModelSchema<?>> CACHE = new ClassValue<>() {
        @Override
        protected ModelSchema<?> computeValue(Class<?> type) {
            return ModelSchema.build(type, BASE);
        }
    };

    private Schemas() {
    }

    @SuppressWarnings("unchecked")
    public static <T> ModelSchema<T> of(Class<T> type) {
        if (!Model.class.isAssignableFrom(type)) {
            throw new ModelDefinitionException(type.getName() + " is not a model; extend Model<" + type.getSimpleName() + ">");
        }
        return (ModelSchema<T>) CACHE.get(type);
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
