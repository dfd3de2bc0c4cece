package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Default;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.annotation.Transient;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.spi.GeneratedAccess;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.ConverterOptions;
import dev.dynarecord.types.TimeFormat;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads a model class and builds its {@link ModelSchema}; every mistake is a {@link ModelDefinitionException}.
 * Reflection ({@link #reflect()}) is done once per class; {@link #build(Reflected, Binding)} runs once
 * per set of converters (and for the class's structure, with none).
 */
final class SchemaBuilder<T> {

    private static final int MAX_KEY_NAME = 255;

    private final Class<T> type;
    private final BaseClass base;
    private final String modelName;
    private final Table table;
    private final Hierarchy hierarchy;
    private Reflected reflected;
    private Binding binding;
    private AttributeNaming naming;

    /**
     * What reflection finds in a model class, whatever its converters: read once per class and
     * shared by all its schemas, so its association prototype is built once, and each field has one
     * accessor pair, one {@code @Default} supplier and one {@code @Field(converter)} instance.
     *
     * @param constructor the no-arg constructor
     * @param declared the instance fields, superclasses first
     * @param associations the association declarations
     * @param callbacks the callback methods
     * @param fields each persisted field's accessors and default, made when a schema first maps it
     * @param ownConverters each field's {@code @Field(converter)}, made when a schema first maps it
     * @param generated whether fields and constructor are reached by the code dynarecord-processor generated, where there is some
     */
    record Reflected(Instantiator constructor, List<java.lang.reflect.Field> declared, AssociationDeclarations associations,
            Callbacks callbacks, Map<java.lang.reflect.Field, FieldAccess> fields,
            Map<java.lang.reflect.Field, AttributeConverter<?>> ownConverters, boolean generated) {
    }

    /** A persisted field's accessors and default value. */
    record FieldAccess(FieldAccessor accessor, Supplier<Object> defaultValue) {
    }

    SchemaBuilder(Class<T> type, BaseClass base) {
        this.type = type;
        this.base = base;
        this.modelName = type.getSimpleName();
        this.hierarchy = Hierarchy.of(type).orElse(null);
        this.table = tableDeclarer().getAnnotation(Table.class);
    }

    /** @return the class whose {@code @Table} applies: the model, or the root of its single-table hierarchy */
    private Class<?> tableDeclarer() {
        return hierarchy == null ? type : hierarchy.root();
    }

    /** @return what reflection finds in the class, checked; its fields reached by generated code unless the mode is reflective */
    Reflected reflect() {
        return reflect(GeneratedAccessors.enabled());
    }

    /**
     * @param generated whether to use the code dynarecord-processor generated, where there is some
     * @return what reflection finds in the class, checked
     */
    Reflected reflect(boolean generated) {
        if (hierarchy != null) {
            hierarchy.checkOwnDeclarations(type);
        }
        HierarchyMember member = hierarchy == null ? null : new HierarchyMember(hierarchy, type);
        boolean abstractMember = member != null && member.isAbstract();
        Instantiator constructor = abstractMember ? member.refusingConstructor() : constructor(generated);
        List<java.lang.reflect.Field> declared = declaredFields();
        // an abstract class of a hierarchy reads its association declarations from an instance of a concrete subclass
        AssociationDeclarations associations = new AssociationDeclarations(type, base, declared,
                abstractMember ? new SchemaBuilder<>(member.concreteSubclass(), base).constructor(generated) : constructor);
        return new Reflected(constructor, List.copyOf(declared), associations, new CallbackScanner(type, base.type()).scan(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), generated);
    }

    /**
     * @param reflected what {@link #reflect()} found in the class
     * @param binding the converters to build with
     * @return the schema
     */
    ModelSchema<T> build(Reflected reflected, Binding binding) {
        this.reflected = reflected;
        this.binding = binding;
        this.naming = binding.conventions().namingOf(table);
        int version = binding.version();
        Instantiator constructor = reflected.constructor();
        List<java.lang.reflect.Field> declared = reflected.declared();
        AssociationDeclarations associations = reflected.associations();
        String composite = associations.compositeForeignKey();
        String hashName = keyFieldName(declared, HashKey.class, table == null ? "" : table.key(), "key", composite);
        String rangeName = keyFieldName(declared, RangeKey.class, table == null ? "" : table.rangeKey(), "rangeKey", BaseClass.ID);
        if (composite != null) {
            hashName = compositeHashKey(hashName, rangeName, composite);
        }
        Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
        Map<String, AttributeSchema> byField = new LinkedHashMap<>();
        AttributeSchema hash = null;
        AttributeSchema range = null;
        boolean magicId = false;
        if (hashName == null) {
            hashName = declared.stream().anyMatch(f -> f.getName().equals(BaseClass.ID) && isPersisted(f)) ? BaseClass.ID : null;
        }
        if (hashName == null) {
            hash = attribute(base.id(), BaseClass.ID, KeyRole.HASH, ConverterOptions.DEFAULT, null);
            add(attributes, hash);
            magicId = true;
        }
        for (java.lang.reflect.Field f : declared) {
            boolean isHash = f.getName().equals(hashName);
            boolean isRange = f.getName().equals(rangeName);
            if (!isHash && !isRange && !isPersisted(f)) {
                continue;
            }
            KeyRole role = isHash ? KeyRole.HASH : isRange ? KeyRole.RANGE : KeyRole.NONE;
            AttributeSchema a = fieldAttribute(f, role);
            add(attributes, a);
            byField.put(f.getName(), a);
            if (isHash) {
                hash = a;
            } else if (isRange) {
                range = a;
            }
        }
        if (hash == null) {
            // the composite-key belongsTo keeps the hash key itself: no field declares it
            hash = associations.keptForeignKey(hashName, KeyRole.HASH, binding);
            Map<String, AttributeSchema> keyFirst = new LinkedHashMap<>();
            add(keyFirst, hash);
            for (AttributeSchema a : attributes.values()) {
                add(keyFirst, a);
            }
            attributes = keyFirst;
        }
        Discriminator discriminator = hierarchy == null ? null
                : new HierarchyMember(hierarchy, type).addAttribute(attributes, byField, modelName, binding);
        boolean magicRange = false;
        if (range == null && BaseClass.ID.equals(rangeName)) {
            range = attribute(base.id(), BaseClass.ID, KeyRole.RANGE, ConverterOptions.DEFAULT, null);
            add(attributes, range);
            magicRange = true;
        }
        if (rangeName != null && rangeName.equals(hashName)) {
            throw define("the same field '" + rangeName + "' is both hash key and range key; pick two fields");
        }
        checkKey(hash);
        if (range != null) {
            checkKey(range);
        }
        boolean timestamps = table == null || table.timestamps();
        AttributeSchema createdAt = null;
        AttributeSchema updatedAt = null;
        if (timestamps) {
            TimeFormat format = timestampFormat();
            String created = timestampName(BaseClass.CREATED_AT);
            String updated = timestampName(BaseClass.UPDATED_AT);
            if (created.equals(updated)) {
                throw define("names both timestamps '" + created + "' in @Table; give createdAt and updatedAt different names");
            }
            createdAt = timestamp(attributes, base.createdAt(), created, format);
            updatedAt = timestamp(attributes, base.updatedAt(), updated, format);
        } else if (table != null && (!table.createdAt().isEmpty() || !table.updatedAt().isEmpty()
                || table.timestampFormat().length > 0)) {
            throw define("names its timestamps in @Table but has @Table(timestamps = false); remove createdAt, updatedAt"
                    + " and timestampFormat, or turn the timestamps on");
        }
        AssociationDeclarations.Result linked = associations.build(attributes,
                new IndexDeclarations(type, declared, byField, attributes, hash, range,
                        hierarchy == null ? null : hierarchy.attribute()).build(), binding);
        List<IndexSchema> indexes = linked.indexes();
        TableOptionDeclarations.Result options = new TableOptionDeclarations(type, table).read(declared, attributes, byField);
        TableDefinition definition = new TableDefinition(tableBaseName(),
                new TableDefinition.KeyAttribute(hash.name(), hash.attributeType()),
                Optional.ofNullable(range).map(r -> new TableDefinition.KeyAttribute(r.name(), r.attributeType())),
                table == null ? 0 : checkCapacity(table.readCapacity(), "readCapacity"),
                table == null ? 0 : checkCapacity(table.writeCapacity(), "writeCapacity"), indexes, options.options());
        boolean generates = !magicRange && (hash.javaType() == String.class || hash.javaType() == UUID.class);
        ModelSchema<T> schema = new ModelSchema<>(type, modelName, constructor, List.copyOf(attributes.values()), hash, range,
                createdAt, updatedAt, definition, generates, magicId, magicRange, indexes,
                reflected.callbacks(), table == null || table.locking(), lockVersionName(attributes),
                linked.associations(), options.timeToLive(), binding, version, discriminator);
        PartitionChecks.check(schema, table);
        return schema;
    }


    /** The composite-key belongsTo's foreign key must be the hash key, with a range key beside it. */
    private String compositeHashKey(String hashName, String rangeName, String composite) {
        if (hashName != null && !hashName.equals(composite)) {
            throw define("declares a compositeKey() belongsTo, whose foreign key '" + composite + "' must be the hash key, but"
                    + " the hash key is '" + hashName + "'; use @Table(key = \"" + composite + "\", rangeKey = \"id\"), or drop"
                    + " compositeKey()");
        }
        if (rangeName == null) {
            throw define("declares a compositeKey() belongsTo but no range key; with the parent's key as hash key each record"
                    + " needs its own range key: use @Table(key = \"" + composite + "\", rangeKey = \"id\")");
        }
        return composite;
    }

    private String lockVersionName(Map<String, AttributeSchema> attributes) {
        String name = table == null || table.lockVersion().isEmpty() ? null : table.lockVersion();
        if (name != null && attributes.containsKey(name)) {
            throw define("names '" + name + "' in @Table(lockVersion) but also declares it as a field; the lock version is"
                    + " kept by Dynarecord: remove the field or choose another name");
        }
        return name;
    }

    private Instantiator constructor(boolean generated) {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw define("is abstract; only concrete classes can be loaded from DynamoDB");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw define("is an inner class; declare it static so it can be instantiated without an outer instance");
        }
        Optional<GeneratedAccess> access = generated ? GeneratedAccessors.of(type).filter(GeneratedAccess::instantiable) : Optional.empty();
        if (access.isPresent()) {
            return Instantiator.of(access.get(), modelName);
        }
        try {
            Constructor<T> c = type.getDeclaredConstructor();
            MethodHandles.Lookup lookup = ModelLookup.in(type);
            return Instantiator.of(lookup.unreflectConstructor(c).asType(MethodType.methodType(Object.class)), modelName);
        } catch (NoSuchMethodException e) {
            throw define("has no no-arg constructor; add one (any visibility) so loaded items can be instantiated");
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ModelDefinitionException(modelName + "'s no-arg constructor cannot be used (" + e
                    + "); if the model is in a named module, open its package to dev.dynarecord.core", e);
        }
    }

    private List<java.lang.reflect.Field> declaredFields() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != base.type() && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<java.lang.reflect.Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.isSynthetic()) {
                    continue;
                }
                boolean annotated = isPersisted(f);
                if (annotated && f.isAnnotationPresent(Transient.class)) {
                    throw define("field '" + f.getName() + "' is both @Transient and persisted; remove one of the annotations");
                }
                if (annotated && Modifier.isStatic(f.getModifiers())) {
                    throw define("field '" + f.getName() + "' is static; only instance fields can be persisted");
                }
                if (annotated && Modifier.isFinal(f.getModifiers())) {
                    throw define("field '" + f.getName() + "' is final; persisted fields must be assignable when items are loaded");
                }
                if (!Modifier.isStatic(f.getModifiers())) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static boolean isPersisted(java.lang.reflect.Field f) {
        return f.isAnnotationPresent(Field.class) || f.isAnnotationPresent(HashKey.class) || f.isAnnotationPresent(RangeKey.class);
    }

    /**
     * @param undeclared a name the table option may give without a field declaring it (the magic id as
     *     range key, the composite-key belongsTo's foreign key as hash key), or null
     */
    private String keyFieldName(List<java.lang.reflect.Field> fields, Class<? extends java.lang.annotation.Annotation> marker,
            String fromTable, String tableOption, String undeclared) {
        List<String> marked = fields.stream().filter(f -> f.isAnnotationPresent(marker)).map(java.lang.reflect.Field::getName).toList();
        if (marked.size() > 1) {
            throw define("has @" + marker.getSimpleName() + " on " + marked + "; a table has one, so keep it on one field");
        }
        String byMarker = marked.isEmpty() ? null : marked.get(0);
        if (fromTable.isEmpty()) {
            return byMarker;
        }
        if (byMarker != null && !byMarker.equals(fromTable)) {
            throw define("names '" + fromTable + "' in @Table(" + tableOption + ") but marks '" + byMarker + "' with @"
                    + marker.getSimpleName() + "; declare the key once");
        }
        if (fields.stream().noneMatch(f -> f.getName().equals(fromTable)) && !fromTable.equals(undeclared)) {
            throw define("names '" + fromTable + "' in @Table(" + tableOption + ") but has no such field; declare it, e.g. @Field String "
                    + fromTable + ";");
        }
        return fromTable;
    }

    private AttributeSchema fieldAttribute(java.lang.reflect.Field f, KeyRole role) {
        Field declared = f.getAnnotation(Field.class);
        String name = declared == null || declared.name().isEmpty() ? naming.attributeName(f.getName()) : declared.name();
        ConverterOptions options = declared == null ? ConverterOptions.DEFAULT
                : new ConverterOptions(declared.serialized(), declared.timeFormat());
        AttributeConverter<?> custom = declared == null || declared.converter() == Field.None.class ? null
                : reflected.ownConverters().computeIfAbsent(f, x -> instantiate(declared.converter(), x));
        return attribute(f, name, role, options, custom);
    }

    @SuppressWarnings("unchecked")
    private AttributeSchema attribute(java.lang.reflect.Field f, String name, KeyRole role, ConverterOptions options,
            AttributeConverter<?> custom) {
        String where = modelName + "." + f.getName();
        if (name.isEmpty()) {
            throw define("field '" + f.getName() + "' has an empty attribute name; remove name = \"\" or give a name");
        }
        AttributeConverter<?> converter;
        try {
            converter = custom != null ? custom : binding.resolve(f.getGenericType(), options, naming);
        } catch (DynarecordException e) {
            throw new ModelDefinitionException(where + ": " + e.getMessage(), e);
        }
        FieldAccess access = reflected.fields().computeIfAbsent(f, x -> access(x, where, reflected.generated()));
        return new AttributeSchema(modelName, name, f, (AttributeConverter<Object>) converter, role, access.defaultValue(),
                access.accessor(), binding);
    }

    private static FieldAccess access(java.lang.reflect.Field f, String where, boolean generated) {
        Supplier<Object> dflt = DefaultValues.of(f.getAnnotation(Default.class), Primitives.box(f.getType()), where);
        GeneratedAccess access = generated ? GeneratedAccessors.of(f.getDeclaringClass()).orElse(null) : null;
        int index = access == null ? -1 : access.index(f.getName());
        if (index >= 0) {
            return new FieldAccess(new FieldAccessor.Generated(access, index), dflt);
        }
        try {
            MethodHandles.Lookup lookup = ModelLookup.in(f.getDeclaringClass());
            MethodHandle getter = lookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class));
            MethodHandle setter = lookup.unreflectSetter(f).asType(MethodType.methodType(void.class, Object.class, Object.class));
            return new FieldAccess(FieldAccessor.of(getter, setter), dflt);
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(where + " cannot be accessed (" + e.getMessage()
                    + "); if the model is in a named module, open its package to dev.dynarecord.core", e);
        }
    }

    private AttributeConverter<?> instantiate(Class<? extends AttributeConverter<?>> converterType, java.lang.reflect.Field f) {
        try {
            Constructor<? extends AttributeConverter<?>> c = converterType.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw define("field '" + f.getName() + "': converter " + converterType.getName()
                    + " cannot be instantiated; give it a no-arg constructor (" + e + ")");
        }
    }

    private void add(Map<String, AttributeSchema> attributes, AttributeSchema a) {
        AttributeSchema previous = attributes.putIfAbsent(a.name(), a);
        if (previous != null) {
            throw define("maps both '" + previous.fieldName() + "' and '" + a.fieldName() + "' to the attribute '" + a.name()
                    + "'" + (naming == AttributeNaming.FIELD_NAMES ? "" : " (with " + naming + " naming)")
                    + "; give one of them another @Field(name = ...)");
        }
    }

    private AttributeSchema timestamp(Map<String, AttributeSchema> attributes, java.lang.reflect.Field f, String name,
            TimeFormat format) {
        if (attributes.containsKey(name)) {
            throw define("declares '" + name + "', which Dynarecord keeps itself; remove the field (to index it, declare"
                    + " @Index(field = \"" + f.getName() + "\", range = true) on the class), or turn the timestamps off with"
                    + " @Table(timestamps = false) and manage it yourself");
        }
        AttributeSchema a = attribute(f, name, KeyRole.NONE, new ConverterOptions(false, format), null);
        attributes.put(name, a);
        return a;
    }

    /** The timestamp's attribute: named by @Table, else its field name as the model's naming gives it. */
    private String timestampName(String field) {
        String given = table == null ? "" : field.equals(BaseClass.CREATED_AT) ? table.createdAt() : table.updatedAt();
        if (!given.isEmpty() && given.isBlank()) {
            throw define("has a blank @Table(" + field + "); give the attribute a name, or remove the option");
        }
        return given.isEmpty() ? naming.attributeName(field) : given;
    }

    private TimeFormat timestampFormat() {
        TimeFormat[] given = table == null ? new TimeFormat[0] : table.timestampFormat();
        if (given.length > 1) {
            throw define("has @Table(timestampFormat = " + java.util.Arrays.toString(given) + "); give one format");
        }
        return given.length == 1 ? given[0] : binding.conventions().timestampFormat();
    }

    private void checkKey(AttributeSchema key) {
        if (!key.attributeType().isKeyType()) {
            throw define("key '" + key.fieldName() + "' is stored as " + key.attributeType()
                    + "; DynamoDB keys must be strings, numbers or binary (String, numbers, UUID, enums, dates, byte[])");
        }
        if (key.name().length() > MAX_KEY_NAME) {
            throw define("key attribute name '" + key.name() + "' is longer than DynamoDB's 255 characters; shorten it");
        }
    }

    private long checkCapacity(long units, String option) {
        if (units < 0) {
            throw define("has @Table(" + option + " = " + units + "); use a positive number, or 0 for the configured default");
        }
        return units;
    }

    private String tableBaseName() {
        String name = table == null || table.name().isEmpty() ? TableNames.derive(tableDeclarer().getSimpleName()) : table.name();
        TableNames.checkBase(name, modelName); // the full name's length is checked once the session names the table
        return name;
    }

    private ModelDefinitionException define(String problem) {
        return new ModelDefinitionException(type.getName() + " " + problem);
    }
}
