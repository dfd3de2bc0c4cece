package dev.dynarecord.internal.schema;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.DiscriminatorValue;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A single-table hierarchy: a root model, the subclasses that share its table, and the value each
 * stores in the discriminator attribute. Read from annotations only (the root's
 * {@code @Table(subtypes, discriminator)}, {@code sealed ... permits}, {@code @DiscriminatorValue}),
 * once per root, so which classes belong never depends on which were initialised first. Immutable
 * and thread-safe.
 */
public final class Hierarchy {

    /** Dynamoid's discriminator attribute, and ours by default. */
    public static final String DEFAULT_ATTRIBUTE = "type";

    private static final ClassValue<Optional<Hierarchy>> DECLARED = new ClassValue<>() {
        @Override
        protected Optional<Hierarchy> computeValue(Class<?> root) {
            return declared(root);
        }
    };

    private static final ClassValue<Boolean> CHECKED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> root) {
            DECLARED.get(root).orElseThrow().compareTables();
            return Boolean.TRUE;
        }
    };

    private final Class<?> root;
    private final String attribute;
    private final Map<Class<?>, String> values;
    private final Map<String, Class<?>> classes;

    private Hierarchy(Class<?> root, String attribute, Map<Class<?>, String> values) {
        this.root = root;
        this.attribute = attribute;
        this.values = values;
        Map<String, Class<?>> byValue = new HashMap<>();
        values.forEach((c, v) -> byValue.put(v, c));
        this.classes = byValue;
    }

    /**
     * The hierarchy a model class belongs to.
     *
     * @param type a model class
     * @return its hierarchy; empty for a model with a table of its own
     * @throws ModelDefinitionException when the hierarchy is declared wrongly, or the class extends a
     *     hierarchy's root without being one of its classes
     */
    public static Optional<Hierarchy> of(Class<?> type) {
        return OF.get(type);
    }

    /** What {@link #of} answers, worked out once per class (a refusal is not kept, so it is thrown each time). */
    private static final ClassValue<Optional<Hierarchy>> OF = new ClassValue<>() {
        @Override
        protected Optional<Hierarchy> computeValue(Class<?> type) {
            return find(type);
        }
    };

    private static Optional<Hierarchy> find(Class<?> type) {
        Class<?> root = rootOf(type);
        Optional<Hierarchy> found = DECLARED.get(root);
        if (found.isEmpty()) {
            if (type.isAnnotationPresent(DiscriminatorValue.class)) {
                throw define(type, "has @DiscriminatorValue but is in no single-table hierarchy; list it in its root model's"
                        + " @Table(subtypes = {...}), or remove the annotation");
            }
            return found;
        }
        if (!found.get().values.containsKey(type)) {
            throw define(type, "extends " + root.getSimpleName() + ", whose table its @Table(subtypes) share, but is not one of"
                    + " them; add " + type.getSimpleName() + ".class to " + root.getSimpleName() + "'s @Table(subtypes = {...})"
                    + " (or to its permits clause if it is sealed)");
        }
        return found;
    }

    /**
     * @param type a class a {@code subFinder} is made for
     * @throws ModelDefinitionException when it is in no single-table hierarchy
     */
    public static void requireMember(Class<?> type) {
        if (of(type).isEmpty()) {
            throw define(type, "is in no single-table hierarchy, so it has no subFinder; use finder(" + type.getSimpleName()
                    + ".class), or list it in its root's @Table(subtypes = {...})");
        }
    }

    /** @return the root model, which declares the table */
    public Class<?> root() {
        return root;
    }

    /** @return the discriminator attribute's name */
    public String attribute() {
        return attribute;
    }

    /** @param type a class of the hierarchy @return the value it stores */
    public String valueOf(Class<?> type) {
        return values.get(type);
    }

    /** @param value a stored discriminator value @return the class that stores it, if any */
    public Optional<Class<?>> classOf(String value) {
        return Optional.ofNullable(classes.get(value));
    }

    /** @param type a class of the hierarchy @return the values of that class and its subclasses, the class's first */
    public List<String> valuesFrom(Class<?> type) {
        List<String> found = new ArrayList<>();
        values.forEach((c, v) -> {
            if (type.isAssignableFrom(c)) {
                found.add(v);
            }
        });
        return List.copyOf(found);
    }

    /** @return every class of the hierarchy, the root first */
    public Set<Class<?>> classes() {
        return values.keySet();
    }

    /** @return the classes with their values, for messages: {@code Vehicle='Vehicle', Car='Car'} */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((c, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(c.getSimpleName()).append("='").append(v)
                .append('\''));
        return sb.toString();
    }

    /**
     * Refuses what a subclass may not declare for itself: the table, keys and indexes are the
     * root's, shared by every class of the hierarchy.
     *
     * @param type a class of the hierarchy
     * @throws ModelDefinitionException when the class, or a class between it and the root, declares one
     */
    void checkOwnDeclarations(Class<?> type) {
        for (Class<?> c = type; c != root; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Table.class)) {
                throw define(c, "is a subclass in " + root.getSimpleName() + "'s single-table hierarchy but has its own @Table;"
                        + " remove it: every class of the hierarchy lives in " + root.getSimpleName() + "'s table");
            }
            if (c.getDeclaredAnnotationsByType(Index.class).length > 0) {
                throw define(c, "declares @Index on the class; in a single-table hierarchy the indexes are the table's:"
                        + " declare them on the root " + root.getSimpleName());
            }
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                String declared = keyOrIndex(f);
                if (declared != null) {
                    throw define(c, "field '" + f.getName() + "' has " + declared + ", but in a single-table hierarchy the keys"
                            + " and indexes are the table's: declare them on fields of the root " + root.getSimpleName());
                }
            }
        }
    }

    private static String keyOrIndex(java.lang.reflect.Field f) {
        return f.isAnnotationPresent(HashKey.class) ? "@HashKey" : f.isAnnotationPresent(RangeKey.class) ? "@RangeKey"
                : f.getAnnotationsByType(Index.class).length > 0 ? "@Index"
                : f.getAnnotationsByType(GlobalIndex.class).length > 0 ? "@GlobalIndex"
                : f.isAnnotationPresent(LocalIndex.class) ? "@LocalIndex" : null;
    }

    /**
     * Checks, once per hierarchy, that its classes agree on the table they share: the same indexes,
     * and one type per attribute name (sibling classes may both declare a field, with one type).
     *
     * @throws ModelDefinitionException when they do not
     */
    void checkTable() {
        CHECKED.get(root);
    }

    private void compareTables() {
        List<String> rootIndexes = indexNames(Schemas.structure(root));
        Map<String, AttributeSchema> seen = new HashMap<>();
        Map<String, Class<?>> owners = new HashMap<>();
        for (Class<?> c : classes()) {
            ModelSchema<?> schema = Schemas.structure(c);
            List<String> indexes = indexNames(schema);
            if (!indexes.equals(rootIndexes)) {
                throw define(c, "has the indexes " + indexes + " but its root " + root.getSimpleName() + " has " + rootIndexes
                        + "; the classes of a single-table hierarchy share one table: declare every index (and the"
                        + " associations that need one) on " + root.getSimpleName());
            }
            for (AttributeSchema a : schema.attributes()) {
                AttributeSchema before = seen.putIfAbsent(a.name(), a);
                Class<?> first = owners.putIfAbsent(a.name(), c);
                if (before != null && !before.genericType().equals(a.genericType())) {
                    throw define(c, "stores field '" + a.fieldName() + "' (" + a.genericType().getTypeName() + ") as '" + a.name()
                            + "', which " + first.getSimpleName() + " stores as " + before.genericType().getTypeName()
                            + "; the classes of one table must agree on each attribute's type: give one another"
                            + " @Field(name = ...), or the same type");
                }
            }
        }
    }

    private static List<String> indexNames(ModelSchema<?> schema) {
        return schema.indexes().stream().map(IndexSchema::name).sorted().toList();
    }

    /**
     * The class that a model's {@code Model<T>} names: the model itself, or the root of the
     * single-table hierarchy it is a subclass in ({@code Car extends Vehicle extends Model<Vehicle>}).
     */
    static Class<?> rootOf(Class<?> type) {
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Type superType = c.getGenericSuperclass();
            if (!(superType instanceof ParameterizedType p)) {
                continue;
            }
            Class<?> raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i] instanceof TypeVariable<?> v && bound.containsKey(v) ? bound.get(v) : arguments[i];
                bound.put(variables[i], argument);
            }
            if (raw == Model.class) {
                Type self = bound.get(variables[0]);
                Class<?> named = self instanceof Class<?> k ? k : self instanceof ParameterizedType q ? (Class<?>) q.getRawType() : null;
                return named != null && named != type && named.isAssignableFrom(type) ? named : type;
            }
        }
        return type;
    }

    private static Optional<Hierarchy> declared(Class<?> root) {
        Table table = root.getAnnotation(Table.class);
        Class<?>[] listed = table == null ? new Class<?>[0] : table.subtypes();
        if (listed.length == 0 && !root.isSealed()) {
            return Optional.empty();
        }
        String attribute = table == null ? DEFAULT_ATTRIBUTE : table.discriminator();
        if (attribute.isBlank()) {
            throw define(root, "has a blank @Table(discriminator); name the attribute, or remove the option for \"type\"");
        }
        Set<Class<?>> members = new LinkedHashSet<>();
        members.add(root);
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
        for (Class<?> c : listed) {
            if (c == root || !root.isAssignableFrom(c)) {
                throw define(root, "lists " + c.getName() + " in @Table(subtypes), which is not a subclass of it; list only"
                        + " classes that extend " + root.getSimpleName());
            }
            todo.add(c);
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            members.add(c);
            if (c.isSealed()) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            }
        }
        Map<Class<?>, String> values = new LinkedHashMap<>();
        Map<String, Class<?>> taken = new HashMap<>();
        for (Class<?> c : members) {
            Class<?> parent = c.getSuperclass();
            if (c != root && !members.contains(parent)) {
                throw define(root, "lists " + c.getSimpleName() + " in @Table(subtypes) but not " + parent.getSimpleName()
                        + ", which it extends; list " + parent.getSimpleName() + ".class too");
            }
            DiscriminatorValue declared = c.getAnnotation(DiscriminatorValue.class);
            String value = declared == null ? c.getSimpleName() : declared.value();
            if (value.isBlank()) {
                throw define(c, "has a blank @DiscriminatorValue; give the value it stores, or remove the annotation");
            }
            Class<?> other = taken.putIfAbsent(value, c);
            if (other != null) {
                throw define(root, "has two classes that store " + attribute + " = '" + value + "': " + other.getName() + " and "
                        + c.getName() + "; give one of them another @DiscriminatorValue");
            }
            values.put(c, value);
        }
        return Optional.of(new Hierarchy(root, attribute, values));
    }

    private static ModelDefinitionException define(Class<?> type, String problem) {
        return new ModelDefinitionException(type.getName() + " " + problem);
    }
}
