package dev.dynarecord.internal.schema;

import java.lang.reflect.Field;

/**
 * The model base class and the bookkeeping fields it holds for every model: the magic {@code id}
 * (used when a model declares no hash key of its own) and the timestamps. The schema builder maps
 * these alongside the model's declared fields and stops walking the class hierarchy at
 * {@link #type()}.
 *
 * @param type the base class
 * @param id the magic {@code id} field, a {@code String}
 * @param createdAt the {@code createdAt} field, an {@code Instant}
 * @param updatedAt the {@code updatedAt} field, an {@code Instant}
 */
public record BaseClass(Class<?> type, Field id, Field createdAt, Field updatedAt) {

    /** The attribute name of the magic id. */
    public static final String ID = "id";
    /** The attribute name of the creation timestamp. */
    public static final String CREATED_AT = "createdAt";
    /** The attribute name of the update timestamp. */
    public static final String UPDATED_AT = "updatedAt";
}
