package dev.dynarecord.internal.persist;

import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.lifecycle.Errors;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.UnexpectedTypeException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates constraints with the Bean Validation provider on the classpath. The only class of the
 * core that refers to {@code jakarta.validation}: {@link Validations} loads it only once it has
 * found the API and a provider.
 */
final class BeanValidation implements Validations.ConstraintCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BeanValidation.class);

    /** Declared field names in order, superclasses first: the order errors are reported in. */
    private static final ClassValue<List<String>> FIELD_ORDER = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                chain.add(0, c);
            }
            List<String> names = new ArrayList<>();
            for (Class<?> c : chain) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    names.add(f.getName());
                }
            }
            return List.copyOf(names);
        }
    };

    /** Thread-safe by the specification; one for the life of the JVM, as is its factory. */
    private final Validator validator;
    /**
     * Whether the validator has anything to check on a class: its own constraints, a constrained
     * property, or a cascade ({@code @Valid}). A record of a class with none is not handed to the
     * provider at all, which costs a save more than anything else in it otherwise.
     */
    private final ClassValue<Boolean> constrained = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return validator.getConstraintsForClass(type).isBeanConstrained();
            } catch (RuntimeException e) {
                return true; // a validator without metadata, or one that fails on the class: validate() decides, as before
            }
        }
    };

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * @return a check over the default provider, or {@code null} when no provider builds a factory
     */
    static Validations.ConstraintCheck create() {
        try {
            Configuration<?> configuration = Validation.byDefaultProvider().configure();
            MessageInterpolator interpolator;
            try {
                interpolator = configuration.getDefaultMessageInterpolator();
            } catch (RuntimeException | LinkageError e) {
                // Hibernate Validator wants an expression language (expressly) for its interpolator.
                LOG.warn("Bean Validation messages cannot be interpolated ({}); violations carry the message templates."
                        + " Add org.glassfish.expressly:expressly to the classpath", e.toString());
                interpolator = null;
            }
            ValidatorFactory factory = configuration.messageInterpolator(new FallbackInterpolator(interpolator))
                    .buildValidatorFactory();
            return new BeanValidation(factory.getValidator());
        } catch (ValidationException | ServiceConfigurationError e) {
            // NoProviderFoundException is a ValidationException
            LOG.debug("no usable Bean Validation provider", e);
            return null;
        }
    }

    /** @return a check over a validator given in the configuration, a {@code jakarta.validation.Validator} */
    static Validations.ConstraintCheck over(Object validator) {
        return new BeanValidation((Validator) validator);
    }

    @Override
    public void validate(Object record, Errors errors) {
        if (!constrained.get(record.getClass())) {
            return;
        }
        Set<ConstraintViolation<Object>> violations;
        try {
            violations = validator.validate(record);
        } catch (ValidationException e) {
            throw cannotEvaluate(record.getClass(), e);
        }
        if (violations.isEmpty()) {
            return;
        }
        List<String> order = FIELD_ORDER.get(record.getClass());
        List<ConstraintViolation<Object>> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.<ConstraintViolation<Object>>comparingInt(v -> position(order, fieldOf(v)))
                .thenComparing(BeanValidation::messageOf)
                .thenComparing(ConstraintViolation::getMessageTemplate));
        for (ConstraintViolation<Object> violation : sorted) {
            String field = pathOf(violation);
            errors.add(field == null ? Errors.BASE : field, messageOf(violation));
        }
    }

    private static int position(List<String> order, String field) {
        int i = field == null ? -1 : order.indexOf(field);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The Java name of the field a violation is about; {@code null} for the record as a whole. */
    static String fieldOf(ConstraintViolation<?> violation) {
        Path path = violation.getPropertyPath();
        if (path == null) {
            return null;
        }
        Iterator<Path.Node> nodes = path.iterator();
        if (!nodes.hasNext()) {
            return null;
        }
        String name = nodes.next().getName();
        return name == null || name.isEmpty() ? null : name;
    }

    /**
     * Where a violation is, as a document path: {@code city} on the record itself, {@code home.city}
     * through a {@code @Valid} document, {@code previous[0].city} and {@code byLabel[work].city}
     * through the elements of a list or a map; {@code null} for the record as a whole.
     */
    static String pathOf(ConstraintViolation<?> violation) {
        Path path = violation.getPropertyPath();
        if (path == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            String name = node.getName();
            if (node.getKind() != ElementKind.PROPERTY || name == null || name.isEmpty()) {
                continue; // an element constraint (List<@NotBlank String>) stays under its field
            }
            Object at = node.isInIterable() ? node.getIndex() != null ? node.getIndex() : node.getKey() : null;
            if (at != null && out.length() > 0) {
                out.append('[').append(at).append(']');
            }
            out.append(out.length() == 0 ? "" : ".").append(name);
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String messageOf(ConstraintViolation<?> violation) {
        String message = violation.getMessage();
        return message != null ? message : String.valueOf(violation.getMessageTemplate());
    }

    /** The provider could not evaluate a constraint of the model: a definition problem, reported as one. */
    private ModelDefinitionException cannotEvaluate(Class<?> type, ValidationException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        String field = null;
        List<String> constraints = new ArrayList<>();
        try {
            BeanDescriptor bean = validator.getConstraintsForClass(type);
            for (PropertyDescriptor property : bean.getConstrainedProperties()) {
                Set<ConstraintDescriptor<?>> descriptors = allConstraints(property);
                if (mentions(reason, descriptors) || fails(type, property.getPropertyName())) {
                    field = property.getPropertyName();
                    constraints = pick(reason, descriptors);
                    break;
                }
            }
            if (field == null) {
                constraints = pick(reason, bean.getConstraintDescriptors());
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        StringBuilder message = new StringBuilder("Model ").append(type.getName()).append(": ");
        String constraintText = constraints.isEmpty() ? "a Bean Validation constraint" : String.join(", ", constraints);
        message.append(constraintText);
        if (field != null) {
            message.append(" on field '").append(field).append('\'');
            Class<?> fieldType = fieldType(type, field);
            if (fieldType != null) {
                message.append(" (").append(fieldType.getSimpleName()).append(')');
            }
        } else {
            message.append(" on the class");
        }
        message.append(" cannot be evaluated by the Bean Validation provider: ").append(reason).append(". ");
        if (cause instanceof UnexpectedTypeException) {
            message.append(field != null
                    ? "Change the field's type to one the constraint supports, use a constraint meant for its type,"
                            + " or register a ConstraintValidator for it."
                    : "Use a constraint meant for the class, or register a ConstraintValidator for it.");
        } else {
            message.append("Fix or remove the constraint (and its ConstraintValidator) so that it can be evaluated.");
        }
        return new ModelDefinitionException(message.toString(), cause);
    }

    private static Set<ConstraintDescriptor<?>> allConstraints(PropertyDescriptor property) {
        Set<ConstraintDescriptor<?>> all = new LinkedHashSet<>(property.getConstraintDescriptors());
        property.getConstrainedContainerElementTypes()
                .forEach(container -> all.addAll(container.getConstraintDescriptors()));
        return all;
    }

    /** Whether validating only this property fails the same way (it holds the faulty constraint). */
    private boolean fails(Class<?> type, String property) {
        try {
            validator.validateValue(type, property, null);
            return false;
        } catch (ValidationException e) {
            return true;
        }
    }

    private static boolean mentions(String reason, Set<ConstraintDescriptor<?>> descriptors) {
        return !matching(reason, descriptors).isEmpty();
    }

    private static List<String> matching(String reason, Set<ConstraintDescriptor<?>> descriptors) {
        List<String> names = new ArrayList<>();
        for (ConstraintDescriptor<?> d : descriptors) {
            Class<? extends Annotation> annotation = d.getAnnotation().annotationType();
            if (reason.contains("'" + annotation.getName() + "'")) {
                names.add("@" + annotation.getSimpleName());
            }
        }
        return names;
    }

    /** The constraints the provider's message names, or all of them when it names none. */
    private static List<String> pick(String reason, Set<ConstraintDescriptor<?>> descriptors) {
        List<String> named = matching(reason, descriptors);
        if (!named.isEmpty()) {
            return named;
        }
        return descriptors.stream().map(d -> "@" + d.getAnnotation().annotationType().getSimpleName())
                .distinct().collect(Collectors.toList());
    }

    private static Class<?> fieldType(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(field).getType();
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    /**
     * The provider's interpolator; the message template itself when there is none or it fails, so
     * that a violation is never lost to its message.
     */
    static final class FallbackInterpolator implements MessageInterpolator {

        private final MessageInterpolator delegate;

        FallbackInterpolator(MessageInterpolator delegate) {
            this.delegate = delegate;
        }

        @Override
        public String interpolate(String messageTemplate, Context context) {
            if (delegate != null) {
                try {
                    return delegate.interpolate(messageTemplate, context);
                } catch (RuntimeException e) {
                    LOG.debug("cannot interpolate {}", messageTemplate, e);
                }
            }
            return messageTemplate;
        }

        @Override
        public String interpolate(String messageTemplate, Context context, Locale locale) {
            if (delegate != null) {
                try {
                    return delegate.interpolate(messageTemplate, context, locale);
                } catch (RuntimeException e) {
                    LOG.debug("cannot interpolate {}", messageTemplate, e);
                }
            }
            return messageTemplate;
        }
    }
}
