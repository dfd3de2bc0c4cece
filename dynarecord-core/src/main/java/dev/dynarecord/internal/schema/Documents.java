package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Default;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Transient;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.ConverterOptions;
import dev.dynarecord.types.Converters;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The embedded documents of one set of converters: finds out whether a class is one, and builds its
 * {@link DocumentConverter} once per class and naming. A class counts as a document when no
 * converter stores it and it is, outside the JDK and the AWS SDK and not a model: a record (its
 * components, through the canonical constructor); a class declaring {@code @Field}s (those fields,
 * through a no-arg constructor of any visibility); or a bean (its public getter and setter pairs,
 * through a public no-arg constructor). A document that contains itself, at any depth, is refused.
 * Thread-safe.
 */
final class Documents {

    private static final List<String> FOREIGN = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "software.amazon.");

    private final Class<?> modelBase;
    private final Map<Class<?>, ? extends AttributeConverter<?>> preferred;
    private final Map<Key, DocumentConverter> built = new ConcurrentHashMap<>();
    /** The {@link Converters#version()} the converters in {@link #built} were made under. */
    private volatile int builtUnder = Converters.version();

    private record Key(Class<?> type, AttributeNaming naming) {
    }

    Documents(Class<?> modelBase, Map<Class<?>, ? extends AttributeConverter<?>> preferred) {
        this.modelBase = modelBase;
        this.preferred = preferred;
    }

    /**
     * The converter of a declared type, documents included.
     *
     * @param type the declared type
     * @param options the field's options
     * @param naming how the fields of documents inside are named
     * @return the converter
     */
    AttributeConverter<?> resolve(Type type, ConverterOptions options, AttributeNaming naming) {
        int version = Converters.version();
        if (version != builtUnder) { // a registration since: documents may hold fields of the registered type
            built.clear();
            builtUnder = version;
        }
        AttributeConverter<?> converter = resolve(type, options, naming, new ArrayDeque<>());
        int depth = TypeDepth.of(converter);
        if (depth > DocumentLimits.MAX_NESTED) {
            throw new ModelDefinitionException(type.getTypeName() + " nests maps and lists " + depth + " deep; DynamoDB allows "
                    + (DocumentLimits.MAX_NESTED + 1) + " levels, the item being the first: flatten the documents, or store"
                    + " the value with @Field(serialized = true)");
        }
        return converter;
    }

    private AttributeConverter<?> resolve(Type type, ConverterOptions options, AttributeNaming naming, Deque<Class<?>> path) {
        return Converters.resolve(type, options, preferred, c -> document(c, naming, path));
    }

    private DocumentConverter document(Class<?> type, AttributeNaming naming, Deque<Class<?>> path) {
        Key key = new Key(type, naming);
        DocumentConverter done = built.get(key);
        if (done != null) {
            return done;
        }
        if (type.isPrimitive() || type.isArray() || FOREIGN.stream().anyMatch(type.getName()::startsWith)
                || modelBase.isAssignableFrom(type)) {
            return null;
        }
        if (path.contains(type)) {
            List<String> cycle = new ArrayList<>();
            path.descendingIterator().forEachRemaining(c -> cycle.add(c.getSimpleName()));
            cycle.add(type.getSimpleName());
            throw new ModelDefinitionException("the embedded document " + type.getSimpleName() + " contains itself ("
                    + String.join(" -> ", cycle.subList(cycle.indexOf(type.getSimpleName()), cycle.size())) + "); documents"
                    + " cannot be recursive: keep the parts as records of their own (hasMany), or store the tree with"
                    + " @Field(serialized = true)");
        }
        path.push(type);
        try {
            DocumentConverter converter = build(type, naming, path);
            DocumentConverter raced = built.putIfAbsent(key, converter);
            return raced != null ? raced : converter;
        } finally {
            path.pop();
        }
    }

    private DocumentConverter build(Class<?> type, AttributeNaming naming, Deque<Class<?>> path) {
        if (type.isRecord()) {
            return record(type, naming, path);
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw notADocument(type, constructorProblem(type, true));
        }
        List<java.lang.reflect.Field> declared = fields(type);
        List<java.lang.reflect.Field> annotated = declared.stream().filter(f -> f.isAnnotationPresent(Field.class)).toList();
        List<Method[]> properties = annotated.isEmpty() ? properties(type) : List.of();
        if (annotated.isEmpty() && properties.isEmpty()) {
            throw notADocument(type, Modifier.isPublic(type.getModifiers())
                    ? "it is no record, declares no @Field fields and has no bean properties (public getX and setX pairs)"
                    : "it is no record and declares no @Field fields, and a bean must be a public class (it is not): make it"
                    + " public, or mark its fields @Field");
        }
        String constructorProblem = constructorProblem(type, !annotated.isEmpty());
        if (constructorProblem != null) {
            throw notADocument(type, constructorProblem);
        }
        List<DocumentField> fields = new ArrayList<>();
        try {
            MethodHandles.Lookup lookup = ModelLookup.in(type);
            for (java.lang.reflect.Field f : annotated) {
                if (Modifier.isFinal(f.getModifiers())) {
                    throw define(type, "field '" + f.getName() + "' is final; document fields are set when items are loaded");
                }
                fields.add(field(type, f, f.getName(), f.getGenericType(), f.getType(), naming, path,
                        lookup.unreflectGetter(f), lookup.unreflectSetter(f)));
            }
            for (Method[] p : properties) {
                String name = propertyName(p[0]);
                fields.add(field(type, null, name, p[0].getGenericReturnType(), p[0].getReturnType(), naming, path,
                        lookup.unreflect(p[0]), lookup.unreflect(p[1])));
            }
            Constructor<?> c = type.getDeclaredConstructor();
            MethodHandle constructor = lookup.unreflectConstructor(c).asType(MethodType.methodType(Object.class));
            return new DocumentConverter(type, checked(type, fields), constructor, false, TypeDepth.ofFields(fields));
        } catch (ReflectiveOperationException e) {
            throw define(type, "cannot be accessed (" + e + "); if it is in a named module, open its package to"
                    + " dev.dynarecord.core");
        }
    }

    private DocumentConverter record(Class<?> type, AttributeNaming naming, Deque<Class<?>> path) {
        RecordComponent[] components = type.getRecordComponents();
        List<DocumentField> fields = new ArrayList<>();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        try {
            MethodHandles.Lookup lookup = ModelLookup.in(type);
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                parameterTypes[i] = rc.getType();
                java.lang.reflect.Field f = type.getDeclaredField(rc.getName());
                if (f.isAnnotationPresent(Transient.class)) {
                    throw define(type, "component '" + rc.getName() + "' is @Transient, but a record is built from all its"
                            + " components; remove @Transient, or compute the value in a method");
                }
                // by its accessor, as Java's serialization reads a record: what the record says its component is
                fields.add(field(type, f, rc.getName(), rc.getGenericType(), rc.getType(), naming, path,
                        lookup.unreflect(rc.getAccessor()), null));
            }
            MethodHandle canonical = lookup.unreflectConstructor(type.getDeclaredConstructor(parameterTypes))
                    .asType(MethodType.methodType(Object.class, parameterTypes).generic())
                    .asSpreader(Object[].class, components.length);
            return new DocumentConverter(type, checked(type, fields), canonical, true, TypeDepth.ofFields(fields));
        } catch (ReflectiveOperationException e) {
            throw define(type, "cannot be accessed (" + e + "); if it is in a named module, open its package to"
                    + " dev.dynarecord.core");
        }
    }

    private DocumentField field(Class<?> type, java.lang.reflect.Field f, String javaName, Type genericType, Class<?> raw,
            AttributeNaming naming, Deque<Class<?>> path, MethodHandle getter, MethodHandle setter) {
        Field declared = f == null ? null : f.getAnnotation(Field.class);
        if (f != null && f.isAnnotationPresent(Default.class)) {
            throw define(type, "field '" + javaName + "' has @Default, which only model fields take; give the value in the"
                    + " document's constructor or field initializer");
        }
        String name = declared == null || declared.name().isEmpty() ? naming.attributeName(javaName) : declared.name();
        if (name.isEmpty()) {
            throw define(type, "field '" + javaName + "' has an empty name; remove name = \"\" or give a name");
        }
        ConverterOptions options = declared == null ? ConverterOptions.DEFAULT
                : new ConverterOptions(declared.serialized(), declared.timeFormat());
        AttributeConverter<?> converter;
        try {
            converter = declared != null && declared.converter() != Field.None.class ? instantiate(type, javaName, declared.converter())
                    : resolve(genericType, options, naming, path);
        } catch (ModelDefinitionException e) {
            throw e.getMessage().startsWith("the embedded document") ? e
                    : new ModelDefinitionException(type.getSimpleName() + "." + javaName + ": " + e.getMessage(), e);
        } catch (DynarecordException e) {
            throw new ModelDefinitionException(type.getSimpleName() + "." + javaName + ": " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        AttributeConverter<Object> erased = (AttributeConverter<Object>) converter;
        return new DocumentField(name, javaName, genericType, raw, erased,
                getter.asType(MethodType.methodType(Object.class, Object.class)),
                setter == null ? null : setter.asType(MethodType.methodType(void.class, Object.class, Object.class)));
    }

    private static List<DocumentField> checked(Class<?> type, List<DocumentField> fields) {
        Set<String> names = new HashSet<>();
        for (DocumentField f : fields) {
            if (!names.add(f.name())) {
                throw define(type, "stores two fields under the name '" + f.name() + "'; give one of them another"
                        + " @Field(name = ...)");
            }
        }
        return fields;
    }

    private static AttributeConverter<?> instantiate(Class<?> type, String field, Class<? extends AttributeConverter<?>> c) {
        try {
            Constructor<? extends AttributeConverter<?>> constructor = c.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw define(type, "field '" + field + "': converter " + c.getName() + " cannot be instantiated; give it a no-arg"
                    + " constructor (" + e + ")");
        }
    }

    /** Instance fields, superclasses first; static and synthetic ones left out. */
    private static List<java.lang.reflect.Field> fields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<java.lang.reflect.Field> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (!f.isSynthetic() && !Modifier.isStatic(f.getModifiers())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Public getter and setter pairs, by property name; {@code getClass()} is no property. */
    private static List<Method[]> properties(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return List.of();
        }
        Map<String, Method> setters = java.util.Arrays.stream(type.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.getName().length() > 3 && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers()))
                .collect(Collectors.toMap(Method::getName, m -> m, (a, b) -> a));
        List<Method[]> out = new ArrayList<>();
        for (Method getter : type.getMethods()) {
            String name = getter.getName();
            boolean isGetter = getter.getParameterCount() == 0 && !Modifier.isStatic(getter.getModifiers())
                    && getter.getDeclaringClass() != Object.class
                    && (name.startsWith("get") && name.length() > 3
                            || name.startsWith("is") && name.length() > 2 && getter.getReturnType() == boolean.class);
            if (!isGetter) {
                continue;
            }
            Method setter = setters.get("set" + name.substring(name.startsWith("is") ? 2 : 3));
            if (setter != null && setter.getParameterTypes()[0] == getter.getReturnType()) {
                out.add(new Method[] {getter, setter});
            }
        }
        out.sort(java.util.Comparator.comparing(p -> propertyName(p[0])));
        return out;
    }

    private static String propertyName(Method getter) {
        String rest = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    /** Null when the class can be instantiated: concrete, static if nested, with a no-arg constructor. */
    private static String constructorProblem(Class<?> type, boolean anyVisibility) {
        if (type.isInterface()) {
            return "it is an interface; embed a concrete class or a record";
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            return "it is abstract; embed a concrete class or a record";
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return "it is an inner class; declare it static";
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            return anyVisibility || Modifier.isPublic(c.getModifiers()) ? null
                    : "a bean needs a public no-arg constructor; make it public, or annotate the fields with @Field";
        } catch (NoSuchMethodException e) {
            return "it has no no-arg constructor; add one (any visibility), or make it a record";
        }
    }

    private ModelDefinitionException notADocument(Class<?> type, String reason) {
        String simple = type.getSimpleName();
        return new ModelDefinitionException("No converter for type " + type.getName() + ": register one with Converters.register("
                + simple + ".class, converter) for every session, or with Config.builder().converter(" + simple + ".class,"
                + " converter) for one, store the value as JSON with @Field(serialized = true), or make it an embedded"
                + " document; it is not one: " + reason);
    }

    private static ModelDefinitionException define(Class<?> type, String problem) {
        return new ModelDefinitionException("the embedded document " + type.getName() + " " + problem);
    }
}
