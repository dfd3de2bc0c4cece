package dev.dynarecord.internal.persist;

import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.lifecycle.Errors;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Jakarta Bean Validation constraints of a record into its {@link Errors}, when a
 * provider is on the classpath; without one, constraints are not evaluated.
 *
 * <p>{@code jakarta.validation-api} is an optional dependency of the core (ADR 0009). Whether it
 * and a provider are usable is detected once, on first use; only then is the class that refers to
 * {@code jakarta.validation} types loaded, so the core runs without either of them.
 *
 * <p>Thread-safe.
 */
public final class Validations {

    private static final Logger LOG = LoggerFactory.getLogger(Validations.class);

    static final String VALIDATION_CLASS = "jakarta.validation.Validation";
    static final String CONSTRAINT_CLASS = "jakarta.validation.Constraint";
    /** The constraints that a field's value is present: none of them lets a null through. */
    static final Set<String> PRESENCE_CONSTRAINTS = Set.of("jakarta.validation.constraints.NotNull",
            "jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.NotEmpty");
    static final String DEFAULT_GROUP = "jakarta.validation.groups.Default";
    static final String NO_PROVIDER_MESSAGE =
            "no Bean Validation provider on the classpath; constraint annotations are not evaluated";

    /** What detection found. */
    enum Mode {
        /** {@code jakarta.validation} is not on the classpath. */
        NO_API,
        /** The API is there but no provider builds a {@code ValidatorFactory}. */
        NO_PROVIDER,
        /** Constraints are evaluated. */
        PROVIDER
    }

    /** The outcome of detection: the mode and, with a provider, what evaluates constraints. */
    record Detected(Mode mode, ConstraintCheck check, Class<? extends Annotation> constraintType) {
    }

    /** Evaluates the constraints of a record; implemented over {@code jakarta.validation} by {@link BeanValidation}. */
    public interface ConstraintCheck {
        void validate(Object record, Errors errors);
    }

    /** Whether the model was reported as carrying constraints nobody evaluates; reported once per class. */
    private static final ClassValue<AtomicBoolean> WARNED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    /** Whether a model class was looked at for constraints no provider evaluates: once a class, not once a save. */
    private static final ClassValue<AtomicBoolean> SCANNED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    /** The Java fields of a model class (superclasses included) whose declaration carries a presence constraint. */
    private static final ClassValue<Set<String>> PRESENCE = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return presenceConstrained(type);
        }
    };

    /** Lazy, once, thread-safe (class initialisation). */
    private static final class Holder {
        static final Detected DETECTED = detect(Validations.class.getClassLoader());

        private Holder() {
        }
    }

    private Validations() {
    }

    /**
     * Evaluates the record's Bean Validation constraints (on its declared fields and its class)
     * when a provider is on the classpath; does nothing otherwise.
     *
     * @param record the record
     * @param errors where violations go, one message per violated constraint, under the field's
     *        Java name ({@link Errors#BASE} for class-level constraints)
     * @throws dev.dynarecord.exception.ModelDefinitionException when the provider cannot evaluate a
     *         constraint of the model (say {@code @Pattern} on an {@code int})
     */
    public static void validateConstraints(Object record, Errors errors) {
        validateConstraints(record, errors, null);
    }

    /**
     * Like {@link #validateConstraints(Object, Errors)}, with the session's own validator when it
     * has one ({@code Config.validator()}).
     *
     * @param record the record
     * @param errors where violations go
     * @param validator a {@code jakarta.validation.Validator}, or null for the default provider's
     */
    public static void validateConstraints(Object record, Errors errors, Object validator) {
        checkFor(validator).validate(record, errors);
    }

    /**
     * What evaluates constraints for a session, made once and kept by it, so that what it learns
     * about model classes (which have no constraints at all, and need no call to the provider) is
     * learnt once: over the session's validator, or the default provider's when it has none.
     *
     * @param validator a {@code jakarta.validation.Validator}, or null for the default provider's
     * @return the check; without a provider, one that only warns about constraints nobody evaluates
     */
    public static ConstraintCheck checkFor(Object validator) {
        return validator != null ? BeanValidation.over(validator) : Validations::validateWithDefault;
    }

    private static void validateWithDefault(Object record, Errors errors) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(errors, "errors");
        Detected detected = Holder.DETECTED;
        switch (detected.mode()) {
            case PROVIDER -> detected.check().validate(record, errors);
            case NO_PROVIDER -> warnIfConstrained(record.getClass(), detected.constraintType());
            case NO_API -> {
                // constraint annotations cannot even be on the class path
            }
        }
    }

    /**
     * The attributes that no record of the model is saved without, because a presence constraint
     * ({@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}, in the default group) is declared on
     * their field and a provider evaluates it on every save. Without a provider, none: the
     * constraints are not evaluated. Writes that skip validations (atomic updates and upserts)
     * are not held to them.
     *
     * @param schema the model's schema
     * @return the attribute names, in declaration order; empty when none
     */
    public static List<String> requiredAttributes(ModelSchema<?> schema) {
        return requiredAttributes(schema, Holder.DETECTED.mode());
    }

    /**
     * {@link #requiredAttributes(ModelSchema)} for a session with a validator of its own.
     *
     * @param schema the model's schema
     * @param validator the session's {@code jakarta.validation.Validator}, or null for the default provider's
     * @return the attribute names, in declaration order; empty when none
     */
    public static List<String> requiredAttributes(ModelSchema<?> schema, Object validator) {
        return requiredAttributes(schema, validator != null ? Mode.PROVIDER : Holder.DETECTED.mode());
    }

    /** {@link #requiredAttributes(ModelSchema)} as detection would answer in {@code mode}. */
    static List<String> requiredAttributes(ModelSchema<?> schema, Mode mode) {
        Objects.requireNonNull(schema, "schema");
        if (mode != Mode.PROVIDER) {
            return List.of();
        }
        Set<String> fields = PRESENCE.get(schema.type());
        if (fields.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (AttributeSchema a : schema.attributes()) {
            if (fields.contains(a.fieldName())) {
                names.add(a.name());
            }
        }
        return names;
    }

    /** @return the names of the fields of {@code type} and its superclasses declared with a presence constraint */
    static Set<String> presenceConstrained(Class<?> type) {
        Set<String> found = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                for (Annotation a : field.getDeclaredAnnotations()) {
                    if (requiresPresence(a)) {
                        found.add(field.getName());
                    }
                }
            }
        }
        return Set.copyOf(found);
    }

    /** Whether the annotation is a presence constraint of the default group, or a container holding one. */
    private static boolean requiresPresence(Annotation annotation) {
        String name = annotation.annotationType().getName();
        try {
            if (PRESENCE_CONSTRAINTS.contains(name)) {
                return inDefaultGroup(annotation);
            }
            if (name.endsWith("$List") && PRESENCE_CONSTRAINTS.contains(name.substring(0, name.length() - "$List".length()))) {
                for (Object each : (Object[]) annotation.annotationType().getMethod("value").invoke(annotation)) {
                    if (inDefaultGroup((Annotation) each)) {
                        return true;
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot read {}", annotation, e);
        }
        return false;
    }

    /** Whether a constraint is evaluated by a plain {@code validate(record)}: no groups given, or the default one. */
    private static boolean inDefaultGroup(Annotation constraint) throws ReflectiveOperationException {
        Class<?>[] groups = (Class<?>[]) constraint.annotationType().getMethod("groups").invoke(constraint);
        if (groups.length == 0) {
            return true;
        }
        for (Class<?> group : groups) {
            if (group.getName().equals(DEFAULT_GROUP)) {
                return true;
            }
        }
        return false;
    }

    /** @return what detection found (detecting on first call) */
    static Mode mode() {
        return Holder.DETECTED.mode();
    }

    /** @return whether {@code type} was reported as carrying constraints that are not evaluated */
    static boolean warnedAbout(Class<?> type) {
        return WARNED.get(type).get();
    }

    /**
     * Finds out whether the API is loadable through {@code loader} and a provider builds a factory.
     * Never throws; logs at INFO once when constraints will not be evaluated.
     */
    static Detected detect(ClassLoader loader) {
        Class<? extends Annotation> constraintType;
        try {
            Class.forName(VALIDATION_CLASS, false, loader);
            constraintType = Class.forName(CONSTRAINT_CLASS, false, loader).asSubclass(Annotation.class);
        } catch (ClassNotFoundException | LinkageError | ClassCastException e) {
            LOG.info(NO_PROVIDER_MESSAGE);
            return new Detected(Mode.NO_API, null, null);
        }
        ConstraintCheck check;
        try {
            // The first reference to BeanValidation: only now are jakarta.validation types linked.
            check = BeanValidation.create();
        } catch (LinkageError e) {
            LOG.debug("Bean Validation unusable", e);
            check = null;
        }
        if (check == null) {
            LOG.info(NO_PROVIDER_MESSAGE);
            return new Detected(Mode.NO_PROVIDER, null, constraintType);
        }
        return new Detected(Mode.PROVIDER, check, constraintType);
    }

    /** The API is present but no provider: a model with constraints deserves a warning, once. */
    static void warnIfConstrained(Class<?> type, Class<? extends Annotation> constraintType) {
        AtomicBoolean warned = WARNED.get(type);
        if (!SCANNED.get(type).compareAndSet(false, true)) {
            return;
        }
        List<String> found = constraintsOf(type, constraintType);
        if (!found.isEmpty() && warned.compareAndSet(false, true)) {
            LOG.warn("model {} carries Bean Validation constraints ({}) but no provider is on the classpath, so they are"
                            + " not evaluated; add a provider (org.hibernate.validator:hibernate-validator and"
                            + " org.glassfish.expressly:expressly) or remove the annotations",
                    type.getName(), String.join(", ", found));
        }
    }

    /**
     * @return where {@code type} (and its superclasses) carries constraints, as
     *         {@code "name @NotBlank"} / {@code "@ClassLevel"}; empty when none
     */
    static List<String> constraintsOf(Class<?> type, Class<? extends Annotation> constraintType) {
        List<String> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                for (Annotation constraint : constraints(a, constraintType)) {
                    found.add("@" + constraint.annotationType().getSimpleName() + " on the class");
                }
            }
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                List<Annotation> annotations = new ArrayList<>(List.of(field.getDeclaredAnnotations()));
                collectTypeUse(field.getAnnotatedType(), annotations, true);
                for (Annotation a : annotations) {
                    for (Annotation constraint : constraints(a, constraintType)) {
                        found.add(field.getName() + " @" + constraint.annotationType().getSimpleName());
                    }
                }
            }
        }
        return found;
    }

    private static void collectTypeUse(AnnotatedType type, List<Annotation> into, boolean top) {
        if (!top) {
            into.addAll(List.of(type.getDeclaredAnnotations()));
        }
        if (type instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType argument : p.getAnnotatedActualTypeArguments()) {
                collectTypeUse(argument, into, false);
            }
        } else if (type instanceof AnnotatedArrayType a) {
            collectTypeUse(a.getAnnotatedGenericComponentType(), into, false);
        }
    }

    /** The annotation itself if it is a constraint, or the constraints a repeatable container holds. */
    private static List<Annotation> constraints(Annotation annotation, Class<? extends Annotation> constraintType) {
        Class<? extends Annotation> annotationType = annotation.annotationType();
        if (annotationType.isAnnotationPresent(constraintType)) {
            return List.of(annotation);
        }
        try {
            Method value = annotationType.getMethod("value");
            if (value.getReturnType().isArray() && value.getReturnType().getComponentType().isAnnotation()) {
                List<Annotation> held = new ArrayList<>();
                for (Object element : (Object[]) value.invoke(annotation)) {
                    Annotation a = (Annotation) element;
                    if (a.annotationType().isAnnotationPresent(constraintType)) {
                        held.add(a);
                    }
                }
                return held;
            }
        } catch (NoSuchMethodException e) {
            // not a container
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot read {}", annotation, e);
        }
        return List.of();
    }
}
