package dev.dynarecord.internal.schema;

import dev.dynarecord.Association;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.ConverterOptions;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a model's association fields: it builds one instance (the prototype, with no defaults
 * applied) and reads each field's declared options. A belongs_to contributes its foreign-key
 * attribute (a declared field of that name, or one the association keeps) and, unless it is a
 * composite key, a global index over it; every mistake is a {@link ModelDefinitionException}.
 */
final class AssociationDeclarations {

    private static final ThreadLocal<Class<?>> PROTOTYPE = new ThreadLocal<>();
    /** How many prototypes are being built, on any thread: while none is, no constructor needs the thread-local. */
    private static final java.util.concurrent.atomic.AtomicInteger BUILDING = new java.util.concurrent.atomic.AtomicInteger();
    private static final MethodHandle FOREIGN_KEY_GET;
    private static final MethodHandle FOREIGN_KEY_SET;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle options = lookup.findStatic(AssociationOptions.class, "of",
                    MethodType.methodType(AssociationOptions.class, Object.class));
            FOREIGN_KEY_GET = MethodHandles.filterReturnValue(options,
                    lookup.findGetter(AssociationOptions.class, "foreignKeyValue", Object.class));
            FOREIGN_KEY_SET = MethodHandles.filterArguments(
                    lookup.findSetter(AssociationOptions.class, "foreignKeyValue", Object.class), 0, options);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Class<?> type;
    private final String modelName;
    private final BaseClass base;
    private final Map<String, Declared> fields = new LinkedHashMap<>();

    /** An association field and what it declares. */
    private record Declared(java.lang.reflect.Field field, AssociationOptions.Declaration declaration, MethodHandle accessor) {
        String foreignKeyName() {
            return declaration.foreignKey().isEmpty() ? field.getName() + "Id" : declaration.foreignKey();
        }
    }

    AssociationDeclarations(Class<?> type, BaseClass base, List<java.lang.reflect.Field> declared, Instantiator constructor) {
        this.type = type;
        this.modelName = type.getSimpleName();
        this.base = base;
        List<java.lang.reflect.Field> associationFields = new ArrayList<>();
        for (java.lang.reflect.Field f : declared) {
            if (Association.class.isAssignableFrom(f.getType()) || AssociationOptions.class.isAssignableFrom(f.getType())) {
                if (!Modifier.isFinal(f.getModifiers())) {
                    throw define("association field '" + f.getName() + "' is not final; declare it final, as in final "
                            + f.getType().getSimpleName() + "<...> " + f.getName() + " = ...;");
                }
                associationFields.add(f);
            }
        }
        if (associationFields.isEmpty()) {
            return;
        }
        Object prototype = prototype(constructor);
        for (java.lang.reflect.Field f : associationFields) {
            MethodHandle accessor = accessor(f);
            Object value;
            try {
                value = (Object) accessor.invokeExact(prototype);
            } catch (Throwable t) {
                throw new ModelDefinitionException(modelName + "." + f.getName() + " cannot be read: " + t, t);
            }
            if (value == null) {
                throw define("association field '" + f.getName() + "' is null; initialise it where it is declared, as in "
                        + "= hasMany(Address.class)");
            }
            fields.put(f.getName(), new Declared(f, check(f, AssociationOptions.of(value).declaration()), accessor));
        }
    }

    /**
     * @param type a model class
     * @return whether an instance of it is being built to read its association declarations; the
     *     model base class applies no defaults to that one
     */
    static boolean prototyping(Class<?> type) {
        return BUILDING.get() > 0 && PROTOTYPE.get() == type; // every record's constructor asks: the common answer reads one field
    }

    private Object prototype(Instantiator constructor) {
        Class<?> previous = PROTOTYPE.get();
        PROTOTYPE.set(type);
        BUILDING.incrementAndGet();
        try {
            return constructor.newInstance();
        } catch (ModelDefinitionException e) {
            // an option declared wrongly in a field initializer: say which model
            throw e.getMessage().startsWith(type.getName()) ? e : define("declares an association wrongly: " + e.getMessage());
        } catch (Throwable t) {
            throw new ModelDefinitionException(modelName + "'s constructor threw " + t + " while its association declarations"
                    + " were read; a model's constructor must work with no arguments and no session", t);
        } finally {
            BUILDING.decrementAndGet();
            PROTOTYPE.set(previous);
        }
    }

    private MethodHandle accessor(java.lang.reflect.Field f) {
        try {
            return ModelLookup.in(f.getDeclaringClass()).unreflectGetter(f)
                    .asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(modelName + "." + f.getName() + " cannot be accessed (" + e.getMessage()
                    + "); if the model is in a named module, open its package to dev.dynarecord.core", e);
        }
    }

    private AssociationOptions.Declaration check(java.lang.reflect.Field f, AssociationOptions.Declaration d) {
        String where = "association '" + f.getName() + "' (" + d.kind().declaration() + "(" + d.target().getSimpleName() + ".class))";
        if (!base.type().isAssignableFrom(d.target()) || d.target() == base.type()) {
            throw define(where + " names " + d.target().getName() + ", which is not a model; name a class that extends "
                    + base.type().getSimpleName());
        }
        if (d.compositeKey() && d.kind() != AssociationKind.BELONGS_TO) {
            throw define(where + " is declared compositeKey(), which only a belongsTo can be");
        }
        if (d.kind() == AssociationKind.BELONGS_TO && d.dependent() != Dependent.NONE) {
            throw define(where + " declares dependent(" + d.dependent() + "); dependent applies to the owner's side (hasMany,"
                    + " hasOne), where the owner's destroy reaches its records: remove it here and declare it on "
                    + d.target().getSimpleName() + "'s hasMany or hasOne");
        }
        if (d.kind() == AssociationKind.HAS_AND_BELONGS_TO_MANY && d.dependent() != Dependent.NONE) {
            throw define(where + " declares dependent(" + d.dependent() + "); a hasAndBelongsToMany's links are always removed"
                    + " with either record (they are join table items), and the linked records are never destroyed with them:"
                    + " remove dependent(...)");
        }
        if (d.kind() == AssociationKind.HAS_AND_BELONGS_TO_MANY && !d.foreignKey().isEmpty()) {
            throw define(where + " declares foreignKey(\"" + d.foreignKey() + "\"); a hasAndBelongsToMany keeps its links in a"
                    + " join table, so it has no foreign key (name the table with joinTable(...))");
        }
        if (d.kind() != AssociationKind.HAS_AND_BELONGS_TO_MANY && !d.joinTable().isEmpty()) {
            throw define(where + " declares joinTable(\"" + d.joinTable() + "\"), which only a hasAndBelongsToMany has");
        }
        if (!d.joinTable().isEmpty()) {
            try {
                TableNames.checkBase(d.joinTable(), modelName);
            } catch (ModelDefinitionException e) {
                throw define(where + " declares joinTable(\"" + d.joinTable() + "\"), which is not a valid DynamoDB table name;"
                        + " use 3 to 255 characters of letters, digits, '_', '-' and '.'");
            }
        }
        return d;
    }

    /**
     * @return the foreign key of the composite-key belongs_to, or null when there is none
     * @throws ModelDefinitionException when two are declared
     */
    String compositeForeignKey() {
        List<Declared> composite = fields.values().stream().filter(d -> d.declaration().compositeKey()).toList();
        if (composite.size() > 1) {
            throw define("declares " + composite.size() + " composite-key belongsTo associations "
                    + composite.stream().map(d -> d.field().getName()).toList() + "; a table has one hash key, so only one"
                    + " belongsTo can be compositeKey()");
        }
        return composite.isEmpty() ? null : composite.get(0).foreignKeyName();
    }

    /**
     * The attribute a belongs_to keeps its foreign key in when no field declares it.
     *
     * @param foreignKey the attribute name
     * @param role its part in the table key
     * @param binding the converters the schema is built with
     * @return the attribute
     */
    AttributeSchema keptForeignKey(String foreignKey, KeyRole role, Binding binding) {
        Declared d = fields.values().stream().filter(x -> x.declaration().kind() == AssociationKind.BELONGS_TO
                && x.foreignKeyName().equals(foreignKey)).findFirst().orElseThrow();
        KeyType key = KeyType.of(d.declaration().target(), base, binding);
        MethodHandle getter = MethodHandles.filterReturnValue(d.accessor(), FOREIGN_KEY_GET);
        MethodHandle setter = MethodHandles.filterArguments(FOREIGN_KEY_SET, 0, d.accessor());
        return new AttributeSchema(modelName, foreignKey, foreignKey, key.javaType(), key.javaType(),
                role != KeyRole.NONE, key.converter(), role, null, FieldAccessor.of(getter, setter), binding);
    }

    /**
     * Adds each belongs_to's foreign-key attribute (unless a field declares it) and the global
     * indexes over them, and returns the associations.
     *
     * @param attributes the model's attributes by name, added to
     * @param indexes the model's declared indexes
     * @param binding the converters the schema is built with
     * @return the associations, and every index the table needs
     */
    Result build(Map<String, AttributeSchema> attributes, List<IndexSchema> indexes, Binding binding) {
        List<AssociationSchema> out = new ArrayList<>();
        List<IndexSchema> all = new ArrayList<>(indexes);
        for (Declared d : fields.values()) {
            String name = d.field().getName();
            AssociationOptions.Declaration declaration = d.declaration();
            if (declaration.kind() != AssociationKind.BELONGS_TO) {
                out.add(new AssociationSchema(modelName, name, declaration,
                        declaration.foreignKey().isEmpty() ? null : declaration.foreignKey(), null, d.accessor()));
                continue;
            }
            String fk = d.foreignKeyName();
            for (AssociationSchema earlier : out) {
                if (earlier.kind() == AssociationKind.BELONGS_TO && earlier.foreignKey().orElseThrow().equals(fk)) {
                    throw define("associations '" + earlier.name() + "' and '" + name + "' both keep their key in '" + fk
                            + "'; give one of them another foreignKey(\"...\")");
                }
            }
            if (fk.equals(BaseClass.CREATED_AT) || fk.equals(BaseClass.UPDATED_AT)) {
                throw define("association '" + name + "' names foreignKey(\"" + fk + "\"), an attribute Dynarecord keeps itself;"
                        + " choose another name");
            }
            AttributeSchema attribute = attributes.get(fk);
            KeyType key = KeyType.of(declaration.target(), base, binding);
            if (attribute != null && attribute.keyRole() != KeyRole.NONE && !declaration.compositeKey()) {
                throw define("association '" + name + "' keeps its key in '" + fk + "', which is this model's "
                        + (attribute.keyRole() == KeyRole.HASH ? "hash" : "range") + " key; a record's key cannot change"
                        + " with its owner: give the belongsTo another foreignKey(\"...\"), or declare it compositeKey()"
                        + " with @Table(key = \"" + fk + "\", rangeKey = \"id\")");
            }
            if (attribute == null) {
                attribute = keptForeignKey(fk, KeyRole.NONE, binding);
                attributes.put(fk, attribute);
            } else if (attribute.attributeType() != key.converter().attributeType()) {
                throw define("association '" + name + "' keeps " + declaration.target().getSimpleName() + "'s key in '" + fk
                        + "', which is declared as " + attribute.javaType().getSimpleName() + " (stored as "
                        + attribute.attributeType() + "); " + declaration.target().getSimpleName() + "'s key is stored as "
                        + key.converter().attributeType() + ": declare '" + fk + "' as " + key.javaType().getSimpleName()
                        + ", or remove the field and let the association keep it");
            }
            String index = null;
            if (!declaration.compositeKey()) {
                index = indexOver(attribute, all, name);
            }
            out.add(new AssociationSchema(modelName, name, declaration, fk, index, d.accessor()));
        }
        long globals = all.stream().filter(IndexSchema::global).count();
        if (globals > IndexDeclarations.MAX_GLOBAL) {
            throw define("needs " + globals + " global indexes, counting one per belongsTo, and DynamoDB allows "
                    + IndexDeclarations.MAX_GLOBAL + " per table by default: remove some");
        }
        return new Result(List.copyOf(out), List.copyOf(all));
    }

    /** @return the name of a global index over the foreign key: the model's own if it has one, else one added */
    private String indexOver(AttributeSchema fk, List<IndexSchema> indexes, String association) {
        for (IndexSchema i : indexes) {
            if (i.global() && !i.sharded() && i.hashKeyName().equals(fk.name()) && i.projection() == Projection.ALL) {
                return i.name();
            }
        }
        String name = fk.name() + "_index";
        for (IndexSchema i : indexes) {
            if (i.name().equals(name)) {
                throw define("declares an index named '" + name + "', the name of the index belongsTo '" + association
                        + "' needs over its foreign key; rename that index");
            }
        }
        indexes.add(new IndexSchema(name, IndexSchema.Kind.GLOBAL, fk, fk.name(), Optional.empty(), Projection.ALL, List.of(),
                0, 0, 0));
        return name;
    }

    /** What the associations add to a schema. */
    record Result(List<AssociationSchema> associations, List<IndexSchema> indexes) {
    }

    private ModelDefinitionException define(String problem) {
        return new ModelDefinitionException(type.getName() + " " + problem);
    }

    /**
     * How a model's key is stored in a foreign key, read from the model's declarations alone (its
     * schema may be under construction) with the converters of the schema being built: its hash
     * key's type, or a string for a hash-and-range key.
     */
    record KeyType(Class<?> javaType, AttributeConverter<Object> converter) {

        @SuppressWarnings("unchecked")
        static KeyType of(Class<?> target, BaseClass base, Binding binding) {
            if (hasRangeKey(target)) {
                return new KeyType(String.class, (AttributeConverter<Object>) binding.resolve(String.class, ConverterOptions.DEFAULT));
            }
            java.lang.reflect.Field hash = hashField(target, base);
            ConverterOptions options = ConverterOptions.DEFAULT;
            dev.dynarecord.annotation.Field declared = hash.getAnnotation(dev.dynarecord.annotation.Field.class);
            if (declared != null) {
                options = new ConverterOptions(declared.serialized(), declared.timeFormat());
            }
            try {
                return new KeyType(Primitives.box(hash.getType()), (AttributeConverter<Object>) binding.resolve(hash.getGenericType(),
                        options));
            } catch (DynarecordException e) {
                throw new ModelDefinitionException(target.getName() + "'s key cannot be stored in a foreign key: " + e.getMessage(), e);
            }
        }

        private static boolean hasRangeKey(Class<?> target) {
            Table table = target.getAnnotation(Table.class);
            if (table != null && !table.rangeKey().isEmpty()) {
                return true;
            }
            for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(RangeKey.class)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static java.lang.reflect.Field hashField(Class<?> target, BaseClass base) {
            Table table = target.getAnnotation(Table.class);
            String named = table == null ? "" : table.key();
            java.lang.reflect.Field byId = null;
            for (Class<?> c = target; c != null && c != Object.class && c != base.type(); c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    if (f.getName().equals(named) || named.isEmpty() && f.isAnnotationPresent(HashKey.class)) {
                        return f;
                    }
                    if (f.getName().equals(BaseClass.ID)) {
                        byId = f;
                    }
                }
            }
            return byId != null ? byId : base.id();
        }
    }
}
