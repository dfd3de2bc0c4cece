package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.types.AttributeType;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a model class maps to: its attributes, keys and table. Built once per class and set of
 * converters (the global registry's, or a session's own; see {@link Schemas}) and cached;
 * immutable and thread-safe. A class's {@linkplain Schemas#structure(Class) structure} is one too,
 * which reads and writes fields but converts no value.
 *
 * <p>It moves values between model instances and items: {@link #toItem(Object)} and
 * {@link #readItem(Map, Object)} go through accessors and converters resolved when the schema was
 * built, so no reflection happens per call.
 *
 * @param <T> the model type
 */
public final class ModelSchema<T> {

    /** DynamoDB's limit on a hash key value, in bytes. */
    public static final int MAX_HASH_KEY_BYTES = 2048;
    /** DynamoDB's limit on a range key value, in bytes. */
    public static final int MAX_RANGE_KEY_BYTES = 1024;

    private final Class<T> type;
    private final String modelName;
    private final MethodHandle constructor;
    private final AttributeSchema[] attributes;
    private final List<AttributeSchema> attributeList;
    private final Map<String, AttributeSchema> byName;
    private final AttributeSchema hashKey;
    private final AttributeSchema rangeKey;
    private final AttributeSchema createdAt;
    private final AttributeSchema updatedAt;
    private final TableDefinition tableDefinition;
    private final boolean generatesHashKey;
    private final boolean magicId;
    private final AttributeSchema[] withDefaults;
    private final int itemCapacity;
    private final List<IndexSchema> indexes;
    private final IndexSchema[] sharded;
    private final Callbacks callbacks;
    // Accessors return these, made once: Optionals are on the hot path of every save and find.
    private final Optional<AttributeSchema> rangeKeyOptional;
    private final Optional<AttributeSchema> createdAtOptional;
    private final Optional<AttributeSchema> updatedAtOptional;
    private final Optional<String> lockVersionNameOptional;
    private final boolean locking;
    private final String lockVersionName;
    private final boolean magicRange;
    private final List<AssociationSchema> associations;
    private final Binding binding;
    private final int version;

    ModelSchema(Class<T> type, String modelName, MethodHandle constructor, List<AttributeSchema> attributes,
            AttributeSchema hashKey, AttributeSchema rangeKey, AttributeSchema createdAt, AttributeSchema updatedAt,
            TableDefinition tableDefinition, boolean generatesHashKey, boolean magicId, boolean magicRange,
            List<IndexSchema> indexes, Callbacks callbacks, boolean locking, String lockVersionName,
            List<AssociationSchema> associations, Binding binding, int version) {
        this.type = type;
        this.modelName = modelName;
        this.constructor = constructor;
        this.attributes = attributes.toArray(AttributeSchema[]::new);
        this.attributeList = attributes;
        this.byName = new HashMap<>();
        for (AttributeSchema a : attributes) {
            byName.put(a.name(), a);
        }
        this.hashKey = hashKey;
        this.rangeKey = rangeKey;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.tableDefinition = tableDefinition;
        this.generatesHashKey = generatesHashKey;
        this.magicId = magicId;
        this.withDefaults = attributes.stream().filter(AttributeSchema::hasDefault).toArray(AttributeSchema[]::new);
        this.indexes = List.copyOf(indexes);
        this.callbacks = callbacks;
        this.locking = locking;
        this.lockVersionName = lockVersionName;
        this.magicRange = magicRange;
        this.associations = associations;
        this.binding = binding;
        this.version = version;
        this.rangeKeyOptional = Optional.ofNullable(rangeKey);
        this.createdAtOptional = Optional.ofNullable(createdAt);
        this.updatedAtOptional = Optional.ofNullable(updatedAt);
        this.lockVersionNameOptional = Optional.ofNullable(lockVersionName);
        this.sharded = indexes.stream().filter(IndexSchema::sharded).toArray(IndexSchema[]::new);
        this.itemCapacity = (int) ((this.attributes.length + sharded.length) / 0.75f) + 1;
    }

    /**
     * Builds the schema of a model class with the global converters, uncached ({@link Schemas}
     * caches).
     *
     * @param <T> the model type
     * @param type the model class
     * @param base the model base class and its bookkeeping fields
     * @return the schema
     * @throws dev.dynarecord.exception.ModelDefinitionException when the class cannot be mapped
     */
    public static <T> ModelSchema<T> build(Class<T> type, BaseClass base) {
        SchemaBuilder<T> builder = new SchemaBuilder<>(type, base);
        return builder.build(builder.reflect(), Schemas.global());
    }

    /**
     * The schema of another model class built with the same converters as this one: what an
     * association reads its target with.
     *
     * @param <U> the other model type
     * @param other the other model class
     * @return its schema
     * @throws dev.dynarecord.exception.ModelDefinitionException when it cannot be mapped
     */
    public <U> ModelSchema<U> related(Class<U> other) {
        return binding.schema(other);
    }

    /** @return the converter registry version this schema was built under; -1 for a structure */
    int version() {
        return version;
    }

    /** @return the model class */
    public Class<T> type() {
        return type;
    }

    /** @return the model's simple class name, used in messages */
    public String modelName() {
        return modelName;
    }

    /** @return every persisted attribute, keys first in declaration order */
    public List<AttributeSchema> attributes() {
        return attributeList;
    }

    /**
     * Finds an attribute by its DynamoDB name.
     *
     * @param name the attribute name
     * @return the attribute, if declared
     */
    public Optional<AttributeSchema> attribute(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Finds an attribute by name, or says which ones exist.
     *
     * @param name the attribute name
     * @return the attribute
     * @throws UnknownAttributeException when the model does not declare it
     */
    public AttributeSchema attributeOrThrow(String name) {
        AttributeSchema a = byName.get(name);
        if (a == null) {
            throw new UnknownAttributeException(modelName + " has no attribute '" + name + "'; declared attributes are "
                    + byName.keySet().stream().sorted().toList());
        }
        return a;
    }

    /** @return the hash key attribute */
    public AttributeSchema hashKey() {
        return hashKey;
    }

    /** @return the range key attribute, if the table has one */
    public Optional<AttributeSchema> rangeKey() {
        return rangeKeyOptional;
    }

    /** @return the names of the table's key attributes: the hash key, then the range key if any */
    public List<String> keyNames() {
        return rangeKey == null ? List.of(hashKey.name()) : List.of(hashKey.name(), rangeKey.name());
    }

    /** @return the {@code createdAt} attribute, unless timestamps are off */
    public Optional<AttributeSchema> createdAt() {
        return createdAtOptional;
    }

    /** @return the {@code updatedAt} attribute, unless timestamps are off */
    public Optional<AttributeSchema> updatedAt() {
        return updatedAtOptional;
    }

    /** @return whether a null hash key gets a random UUID on first save (String and UUID keys) */
    public boolean generatesHashKey() {
        return generatesHashKey;
    }

    /** @return whether the hash key is the magic {@code id} of the base class */
    public boolean usesMagicId() {
        return magicId;
    }

    /** @return whether the range key is the magic {@code id}, a UUID string generated on first save */
    public boolean generatesRangeKey() {
        return magicRange;
    }

    /**
     * The record's id: the magic {@code id} when it is the hash or range key, else the hash key.
     *
     * @return the attribute
     */
    public AttributeSchema idAttribute() {
        return magicRange ? rangeKey : hashKey;
    }

    /** @return the associations, in declaration order */
    public List<AssociationSchema> associations() {
        return associations;
    }

    /**
     * Finds an association by its field name.
     *
     * @param name the association's field name
     * @return the association, if declared
     */
    public Optional<AssociationSchema> association(String name) {
        for (AssociationSchema a : associations) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an instance of a model class is being built to read its association declarations; the
     * model base class applies no defaults to that instance (its schema does not exist yet).
     *
     * @param type a model class
     * @return whether its prototype is being constructed on this thread
     */
    public static boolean prototyping(Class<?> type) {
        return AssociationDeclarations.prototyping(type);
    }

    /** @return the model's callback methods, per event */
    public Callbacks callbacks() {
        return callbacks;
    }

    /** @return whether this model uses optimistic locking (unless the configuration turns it off everywhere) */
    public boolean locking() {
        return locking;
    }

    /** @return the model's own lock version attribute name, if {@code @Table(lockVersion = ...)} gives one */
    public Optional<String> lockVersionName() {
        return lockVersionNameOptional;
    }

    /** @return the secondary indexes, local ones first, in declaration order */
    public List<IndexSchema> indexes() {
        return indexes;
    }

    /**
     * Finds a secondary index by name.
     *
     * @param name the index name
     * @return the index, if declared
     */
    public Optional<IndexSchema> index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Finds an attribute by DynamoDB name or, failing that, by Java field name.
     *
     * @param name the attribute or field name
     * @return the attribute, if declared
     */
    public Optional<AttributeSchema> attributeOrField(String name) {
        AttributeSchema a = byName.get(name);
        if (a != null) {
            return Optional.of(a);
        }
        for (AttributeSchema candidate : attributes) {
            if (candidate.fieldName().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The shard a record's item belongs to in a sharded range index: derived from its key, so it
     * never changes while the record lives and spreads records evenly.
     *
     * @param key the record's key
     * @param shards the number of shards
     * @return a shard in {@code [0, shards)}
     */
    public int shardOf(Map<String, AttributeValue> key, int shards) {
        int h = keyText(key.get(hashKey.name())) * 31;
        if (rangeKey != null) {
            h += keyText(key.get(rangeKey.name()));
        }
        return Math.floorMod(h, shards);
    }

    private static int keyText(AttributeValue v) {
        if (v == null) {
            return 0;
        }
        // Numbers by value: DynamoDB gives "1.50" back as "1.5", and the shard must not move on the next save.
        return v.s() != null ? v.s().hashCode() : v.n() != null ? new java.math.BigDecimal(v.n()).stripTrailingZeros().hashCode()
                : v.b().asByteBuffer().hashCode();
    }

    /**
     * @return what CreateTable needs
     * @throws IllegalStateException on a structure, which knows no key types
     */
    public TableDefinition tableDefinition() {
        if (binding == Binding.STRUCTURE) {
            throw new IllegalStateException(modelName + "'s structure knows no key types; create tables from the schema of"
                    + " the session that uses them");
        }
        return tableDefinition;
    }

    /** @return the table name without namespace or suffix */
    public String tableBaseName() {
        return tableDefinition.baseName();
    }

    /**
     * A new, empty instance through the no-arg constructor.
     *
     * @return the instance
     */
    @SuppressWarnings("unchecked")
    public T newInstance() {
        try {
            return (T) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new DynarecordException(modelName + "'s constructor threw " + t, t);
        }
    }

    /**
     * Sets every declared {@code @Default} on an instance.
     *
     * @param model the instance
     */
    public void applyDefaults(Object model) {
        for (AttributeSchema a : withDefaults) {
            a.applyDefault(model);
        }
    }

    /**
     * The item for a model: every attribute whose value is not null (null means absent).
     *
     * @param model the instance
     * @return a new mutable map
     */
    public Map<String, AttributeValue> toItem(Object model) {
        Map<String, AttributeValue> item = new HashMap<>(itemCapacity);
        for (AttributeSchema a : attributes) {
            AttributeValue v = a.read(model);
            if (v != null) {
                item.put(a.name(), v);
            }
        }
        for (IndexSchema index : sharded) {
            if (item.containsKey(index.rangeKey().orElseThrow().name()) && item.containsKey(hashKey.name())) {
                int shard = shardOf(item, index.shards());
                item.put(index.hashKeyName(), AttributeValue.fromN(Integer.toString(shard)));
            }
        }
        return item;
    }

    /**
     * Loads an item into an instance: declared attributes are converted and set; those the item
     * lacks become null (or their default); attributes the model does not declare are ignored here.
     *
     * @param item the item
     * @param model the instance
     */
    public void readItem(Map<String, AttributeValue> item, Object model) {
        for (AttributeSchema a : attributes) {
            a.write(model, item.get(a.name()));
        }
    }

    /**
     * Copies every attribute's value from one instance to another (no conversion, cannot fail
     * half-way): how a reload replaces a record's fields only once the whole item was read.
     *
     * @param from the instance to read
     * @param to the instance to write
     */
    public void copyAttributes(Object from, Object to) {
        for (AttributeSchema a : attributes) {
            a.set(to, a.get(from));
        }
    }

    /**
     * The primary key of a model instance.
     *
     * @param model the instance
     * @return the key attributes
     * @throws InvalidKeyException when a key part is missing, empty or too long
     */
    public Map<String, AttributeValue> keyOf(Object model) {
        return keyItem(hashKey.get(model), rangeKey == null ? null : rangeKey.get(model), rangeKey != null);
    }

    /**
     * The primary key for given values, as {@code find.byId(hash, range)} passes them.
     *
     * @param hash the hash key value
     * @param range the range key value, or null when the table has none
     * @return the key attributes
     * @throws InvalidKeyException when a part is missing, empty, too long, or given for a table without it
     * @throws dev.dynarecord.exception.ConversionException when a part has the wrong type
     */
    public Map<String, AttributeValue> key(Object hash, Object range) {
        if (rangeKey == null && range != null) {
            throw new InvalidKeyException(modelName + " has no range key, but one was given (" + range
                    + "); look it up by its hash key alone");
        }
        Object h = hashKey.coerce(hash);
        Object r = rangeKey == null ? null : rangeKey.coerce(range);
        return keyItem(h, r, rangeKey != null);
    }

    private Map<String, AttributeValue> keyItem(Object hash, Object range, boolean needsRange) {
        AttributeValue h = keyPart(hashKey, hash, MAX_HASH_KEY_BYTES);
        return needsRange ? Map.of(hashKey.name(), h, rangeKey.name(), keyPart(rangeKey, range, MAX_RANGE_KEY_BYTES))
                : Map.of(hashKey.name(), h);
    }

    /**
     * The key of an item about to be written from a record, checked like {@link #keyOf(Object)} but
     * taken from the item's already converted values.
     *
     * @param item the item {@link #toItem(Object)} made
     * @return the key attributes
     * @throws InvalidKeyException when a key part is missing, empty or too long
     */
    public Map<String, AttributeValue> keyOfItem(Map<String, AttributeValue> item) {
        AttributeValue hash = checkedKeyPart(hashKey, item.get(hashKey.name()), MAX_HASH_KEY_BYTES);
        return rangeKey == null ? Map.of(hashKey.name(), hash)
                : Map.of(hashKey.name(), hash, rangeKey.name(), checkedKeyPart(rangeKey, item.get(rangeKey.name()), MAX_RANGE_KEY_BYTES));
    }

    private AttributeValue keyPart(AttributeSchema key, Object value, int maxBytes) {
        return checkedKeyPart(key, value == null ? null : key.toAttributeValue(value), maxBytes);
    }

    private AttributeValue checkedKeyPart(AttributeSchema key, AttributeValue v, int maxBytes) {
        String role = key.keyRole() == KeyRole.HASH ? "hash key" : "range key";
        if (v == null) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role + ") is missing; set it before"
                    + " saving or finding" + (key.keyRole() == KeyRole.HASH && generatesHashKey ? " (new records get one generated)" : ""));
        }
        int bytes = v.s() != null ? utf8Length(v.s()) : v.b() != null ? v.b().asByteArrayUnsafe().length : -1;
        if (bytes == 0) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role
                    + ") is empty; DynamoDB keys cannot be empty strings or empty binary");
        }
        if (bytes > maxBytes) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role + ") is " + bytes
                    + " bytes; DynamoDB allows at most " + maxBytes + " bytes for a " + role);
        }
        if (key.attributeType() == AttributeType.N && v.n() == null) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role + ") did not convert to a number");
        }
        return v;
    }

    /** The UTF-8 length of a string, without encoding it (keys are checked on every save and find). */
    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /**
     * The key of an item as read from DynamoDB: its key attributes as they are, nothing converted.
     *
     * @param item a whole item of this model's table
     * @return the key attributes
     */
    public Map<String, AttributeValue> keyFromItem(Map<String, AttributeValue> item) {
        return rangeKey == null ? Map.of(hashKey.name(), item.get(hashKey.name()))
                : Map.of(hashKey.name(), item.get(hashKey.name()), rangeKey.name(), item.get(rangeKey.name()));
    }

    @Override
    public String toString() {
        return "ModelSchema{" + modelName + " -> " + tableDefinition.baseName() + ", " + attributeList + "}";
    }
}
