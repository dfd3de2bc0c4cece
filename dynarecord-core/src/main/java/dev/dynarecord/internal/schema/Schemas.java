package dev.dynarecord.internal.schema;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.spi.GeneratedAccess;
import dev.dynarecord.types.AttributeConverter;
import java.util.Map;

/**
 * The schema caches. Per model class, once: what reflection finds in it, and its
 * {@linkplain #structure(Class) structure} (which converts nothing). Per set of converters: its schemas,
 * which convert values ({@link #of(Class)} for the global registry, a session's
 * {@link SchemaSet} for its own converters).
 */
public final class Schemas {

    private static final BaseClass BASE = baseClass();

    private static final ClassValue<SchemaBuilder.Reflected> REFLECTED = new ClassValue<>() {
        @Override
        protected SchemaBuilder.Reflected computeValue(Class<?> type) {
            return new SchemaBuilder<>(type, BASE).reflect();
        }
    };

    private static final ClassValue<ModelSchema<?>> STRUCTURES = new ClassValue<>() {
        @Override
        protected ModelSchema<?> computeValue(Class<?> type) {
            checkModel(type);
            return new SchemaBuilder<>(type, BASE).build(REFLECTED.get(type), Binding.STRUCTURE);
        }
    };

    private static final SchemaSet GLOBAL = new SchemaSet(BASE, Map.of(), SessionConventions.DEFAULT);

    private Schemas() {
    }

    /**
     * The schema of a model class with the global converters ({@code Converters.register}, then the
     * built-in ones): for code that converts values outside any session. A session converts with
     * its own ({@code SessionState.schema}), which may prefer converters of its configuration.
     *
     * @param type a model class
     * @return its schema
     * @throws ModelDefinitionException when the class is not a model or cannot be mapped
     */
    public static <T> ModelSchema<T> of(Class<T> type) {
        return GLOBAL.schema(type);
    }

    /**
     * The structure of a model class: its fields, keys, indexes, associations, defaults and
     * callbacks, built once, without converting anything, so it needs no session and no converter
     * for the model's types. It reads and writes fields, but converts no value (that throws) and has
     * no table definition.
     *
     * @param type a model class
     * @return its structure
     * @throws ModelDefinitionException when the class is not a model or cannot be mapped
     */
    @SuppressWarnings("unchecked")
    public static <T> ModelSchema<T> structure(Class<T> type) {
        return (ModelSchema<T>) STRUCTURES.get(type);
    }

    /**
     * The schemas for a set of converters preferred to the global ones and a session's naming and
     * timestamp format, as a session's configuration gives them.
     *
     * @param converters by exact class; empty for the global set
     * @param conventions the session's naming and timestamp format
     * @return a new set, or the global one when the configuration changes nothing
     */
    public static SchemaSet forSession(Map<Class<?>, AttributeConverter<?>> converters, SessionConventions conventions) {
        return converters.isEmpty() && conventions.equals(SessionConventions.DEFAULT) ? GLOBAL
                : new SchemaSet(BASE, converters, conventions);
    }

    /**
     * Called once, by {@link dev.dynarecord.Model}'s static initialiser.
     *
     * @param fields direct access to {@code Model}'s own private fields, which generated code cannot reach
     */
    public static void installModelFields(GeneratedAccess fields) {
        GeneratedAccessors.installModelFields(fields);
    }

    /** @return the global set, which {@link #of(Class)} reads */
    public static SchemaSet global() {
        return GLOBAL;
    }

    /** @return the model base class and its bookkeeping fields */
    static BaseClass base() {
        return BASE;
    }

    static SchemaBuilder.Reflected reflected(Class<?> type) {
        return REFLECTED.get(type);
    }

    static void checkModel(Class<?> type) {
        if (!Model.class.isAssignableFrom(type)) {
            throw new ModelDefinitionException(type.getName() + " is not a model; extend Model<" + type.getSimpleName() + ">");
        }
    }

    private static BaseClass baseClass() {
        try {
            return new BaseClass(Model.class, Model.class.getDeclaredField("id"), Model.class.getDeclaredField("createdAt"),
                    Model.class.getDeclaredField("updatedAt"));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
