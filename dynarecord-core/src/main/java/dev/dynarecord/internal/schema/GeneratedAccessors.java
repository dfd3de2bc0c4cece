package dev.dynarecord.internal.schema;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.spi.GeneratedAccess;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the {@link GeneratedAccess} that {@code dynarecord-processor} wrote for a class, once per
 * class. The system property {@value #PROPERTY} set to {@code reflective} ignores generated code
 * (every schema then uses method handles, as without the processor); {@code generated}, the
 * default, uses it wherever it is on the class path.
 */
final class GeneratedAccessors {

    /** The system property that chooses the mode. */
    static final String PROPERTY = "dynarecord.accessors";

    private static final String MODE = System.getProperty(PROPERTY);

    private static final ClassValue<Optional<GeneratedAccess>> FOUND = new ClassValue<>() {
        @Override
        protected Optional<GeneratedAccess> computeValue(Class<?> type) {
            return Optional.ofNullable(load(type));
        }
    };

    /** {@code Model}'s own fields, by the class itself: set when it is initialised. */
    private static volatile GeneratedAccess modelFields;

    private GeneratedAccessors() {
    }

    static void installModelFields(GeneratedAccess fields) {
        if (modelFields != null) {
            throw new IllegalStateException("Model's fields are installed already");
        }
        modelFields = fields;
    }

    /**
     * @param type a model class
     * @return the generated access to its own fields and constructor; empty when there is none
     */
    static Optional<GeneratedAccess> of(Class<?> type) {
        return FOUND.get(type);
    }

    /**
     * @return whether schemas use generated code where there is some: the mode {@value #PROPERTY} chooses
     * @throws ModelDefinitionException when the system property names no mode
     */
    static boolean enabled() {
        return enabled(MODE);
    }

    /**
     * @param type a class, in reflective mode too
     * @return the name its generated access has: {@code com.example.Shop_Item_DynarecordAccess} for {@code com.example.Shop.Item}
     */
    static String nameOf(Class<?> type) {
        StringBuilder simple = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            simple.insert(0, outer.getSimpleName() + "_");
        }
        String pkg = type.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + simple + GeneratedAccess.SUFFIX;
    }

    static boolean enabled(String mode) {
        if (mode == null || mode.isBlank()) {
            return true;
        }
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "generated" -> true;
            case "reflective" -> false;
            default -> throw new ModelDefinitionException("-D" + PROPERTY + "=" + mode + " is not a mode; use generated (the"
                    + " default: the code dynarecord-processor wrote, where there is some) or reflective (method handles only)");
        };
    }

    private static GeneratedAccess load(Class<?> type) {
        if (type == Model.class) {
            initialise(type); // its static initialiser installs them
            return modelFields;
        }
        if (type.isAnonymousClass() || type.isLocalClass() || type.isArray() || type.isPrimitive()) {
            return null;
        }
        Class<?> generated;
        try {
            generated = Class.forName(nameOf(type), true, type.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notGenerated) {
            return null;
        }
        if (!GeneratedAccess.class.isAssignableFrom(generated)) {
            return null; // a class of the user's that merely has the name
        }
        GeneratedAccess access;
        try {
            access = (GeneratedAccess) generated.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ModelDefinitionException(generated.getName() + ", the code dynarecord-processor generated for "
                    + type.getName() + ", cannot be instantiated (" + e + "); if the model is in a named module, open its"
                    + " package to dev.dynarecord.core, or rebuild so the processor writes it again", e);
        }
        return access.type() == type ? access : null; // two classes whose names join the same way: only its own counts
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
