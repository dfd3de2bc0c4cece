package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Table;
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
 * <p>Two collaborators do part of its work. {@link ItemCodec} moves values between model instances
 * and items and makes their keys ({@link #toItem(Object)}, {@link #key(Object, Object)}): it goes
 * through accessors and converters resolved when the schema was built, so no reflection happens per
 * call. {@link NameLookup} finds attributes, indexes and associations by name.
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
    private final Instantiator constructor;
    private final List<AttributeSchema> attributeList;
    private final AttributeSchema hashKey;
    private final AttributeSchema rangeKey;
    private final AttributeSchema createdAt;
    private final AttributeSchema updatedAt;
    private final TableDefinition tableDefinition;
    private final boolean generatesHashKey;
    private final boolean magicId;
    private final AttributeSchema[] withDefaults;
    private final List<IndexSchema> indexes;
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
    private final Optional<TimeToLive> timeToLive;
    private final Binding binding;
    private final int version;
    private final NameLookup names;
    private final ItemCodec items;
    private final Discriminator discriminator;
    /** The model's {@code @Table(naming)} (the root's, in a hierarchy), else its session's. */
    private final AttributeNaming naming;
    /** What other parts keep per schema (the query planner's plans by shape), by their class. */
    private final java.util.concurrent.ConcurrentMap<Class<?>, Object> caches = new java.util.concurrent.ConcurrentHashMap<>();
    /** The copies of a partitioned model's records, or null when it is not partitioned. */
    private final Partitions partitions;

    ModelSchema(Class<T> type, String modelName, Instantiator constructor, List<AttributeSchema> attributes,
            AttributeSchema hashKey, AttributeSchema rangeKey, AttributeSchema createdAt, AttributeSchema updatedAt,
            TableDefinition tableDefinition, boolean generatesHashKey, boolean magicId, boolean magicRange,
            List<IndexSchema> indexes, Callbacks callbacks, boolean locking, String lockVersionName,
            List<AssociationSchema> associations, Optional<TimeToLive> timeToLive, Binding binding, int version,
            Discriminator discriminator) {
        this.type = type;
        this.modelName = modelName;
        this.constructor = constructor;
        this.attributeList = attributes;
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
        this.timeToLive = timeToLive;
        this.binding = binding;
        this.version = version;
        this.rangeKeyOptional = Optional.ofNullable(rangeKey);
        this.createdAtOptional = Optional.ofNullable(createdAt);
        this.updatedAtOptional = Optional.ofNullable(updatedAt);
        this.lockVersionNameOptional = Optional.ofNullable(lockVersionName);
        this.discriminator = discriminator;
        Table table = (discriminator == null ? type : discriminator.hierarchy().root()).getAnnotation(Table.class);
        this.naming = binding.conventions().namingOf(table);
        int copies = binding.conventions().partitionsOf(table);
        this.partitions = copies == 0 ? null : new Partitions(hashKey.name(), copies);
        AttributeSchema[] declared = attributes.toArray(AttributeSchema[]::new);
        this.names = new NameLookup(modelName, declared, this.indexes, associations);
        this.items = new ItemCodec(modelName, declared, hashKey, rangeKey, generatesHashKey, this.indexes);
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
     * Builds the schema of a model class with the global converters, uncached, choosing how its
     * fields are reached, whatever the {@code dynarecord.accessors} mode: what tests comparing
     * the two ways use.
     *
     * @param <T> the model type
     * @param type the model class
     * @param generated true for the code dynarecord-processor generated (where there is some), false for method handles only
     * @return the schema
     * @throws dev.dynarecord.exception.ModelDefinitionException when the class cannot be mapped
     */
    public static <T> ModelSchema<T> build(Class<T> type, boolean generated) {
        Schemas.checkModel(type);
        SchemaBuilder<T> builder = new SchemaBuilder<>(type, Schemas.base());
        return builder.build(builder.reflect(generated), Schemas.global());
    }

    /**
     * @return the fields that generated item code moves between instances and items, each through its
     *     own call to its converter ({@link dev.dynarecord.spi.GeneratedAccess#readItem}); the others go
     *     attribute by attribute
     */
    public List<String> itemCodeFields() {
        return items.itemCodeFields();
    }

    /**
     * @return the fields an instance holds that are reached by method handles, not by the code
     *     dynarecord-processor generated: every one in reflective mode or without the processor; with it,
     *     those it cannot reach (private ones; {@link dev.dynarecord.Model} reaches its own)
     */
    public List<String> reflectiveFields() {
        return attributeList.stream().filter(a -> a.declaringClass() != null && !a.generatedAccess()).map(AttributeSchema::fieldName)
                .toList();
    }

    /**
     * @return whether generated code makes its instances and reaches every field its classes declare
     *     ({@link dev.dynarecord.Model}'s own by {@code Model} itself, in the same way)
     */
    public boolean generatedAccess() {
        return generatedConstructor() && attributeList.stream()
                .allMatch(a -> a.declaringClass() == null || a.generatedAccess());
    }

    /** @return whether new instances are made by generated code rather than a method handle on the constructor */
    public boolean generatedConstructor() {
        return constructor instanceof Instantiator.Generated;
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

    /** @return whether the global converter registry has not changed since this schema was built */
    public boolean current() {
        return version() == dev.dynarecord.types.Converters.version();
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

    /** @param name the attribute name @return the attribute, if declared @see NameLookup#attribute(String) */
    public Optional<AttributeSchema> attribute(String name) {
        return names.attribute(name);
    }

    /**
     * @param name the attribute name
     * @return the attribute; when the model does not declare it, an exception lists those it does
     * @see NameLookup#attributeOrThrow(String)
     */
    public AttributeSchema attributeOrThrow(String name) {
        return names.attributeOrThrow(name);
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

    /** @param name the association's field name @return the association, if declared @see NameLookup#association(String) */
    public Optional<AssociationSchema> association(String name) {
        return names.association(name);
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

    /**
     * @return how this model's attribute names derive from field names: its {@code @Table(naming)},
     *     else its session's (for a structure, field names)
     */
    public AttributeNaming naming() {
        return naming;
    }

    /** @return the model's place in a single-table hierarchy, if it has one (see docs/inheritance.md) */
    public Optional<Discriminator> discriminator() {
        return Optional.ofNullable(discriminator);
    }

    /**
     * @param item an item read from the table
     * @return the item as a loaded record's baseline: itself, or in a single-table hierarchy with the
     *     discriminator that an item written before the hierarchy lacks
     */
    public Map<String, AttributeValue> completed(Map<String, AttributeValue> item) {
        return discriminator == null ? item : discriminator.completed(item);
    }

    /** @param a an attribute of this model @return whether it is the discriminator, kept by Dynarecord */
    public boolean isDiscriminator(AttributeSchema a) {
        return discriminator != null && discriminator.attribute().equals(a.name());
    }

    /** @param item an item of this model's table @return whether a read by key returns it @see Discriminator#admits(Map) */
    public boolean admits(Map<String, AttributeValue> item) {
        return discriminator == null || discriminator.admits(item);
    }

    /** @param projection attributes a read asks for @return them, and the discriminator @see Discriminator#withAttribute(List) */
    public List<String> withDiscriminator(List<String> projection) {
        return discriminator == null ? projection : discriminator.withAttribute(projection);
    }

    /**
     * The schema an item is loaded with: this one, or in a single-table hierarchy the schema (with
     * the same converters) of the subclass its discriminator names.
     *
     * @param item an item of this model's table
     * @return the schema of the class to instantiate, this class or a subclass
     * @throws dev.dynarecord.exception.UnknownDiscriminatorException when the item names no class of the hierarchy
     */
    @SuppressWarnings("unchecked")
    public ModelSchema<T> loading(Map<String, AttributeValue> item) {
        if (discriminator == null) {
            return this;
        }
        Class<?> actual = discriminator.classOf(item);
        return actual == type ? this : (ModelSchema<T>) binding.schema(actual);
    }

    /** @return the model's own lock version attribute name, if {@code @Table(lockVersion = ...)} gives one */
    public Optional<String> lockVersionName() {
        return lockVersionNameOptional;
    }

    /** @return the model's Time to Live, if {@code @Table(ttl = ...)} declares one */
    public Optional<TimeToLive> timeToLive() {
        return timeToLive;
    }

    /**
     * Whether a read that does not include expired items must treat this item as absent: the model
     * has a TTL and the item's has passed (DynamoDB has not deleted it yet).
     *
     * @param item an item of this model's table, as read
     * @return whether it has expired
     */
    public boolean expired(Map<String, AttributeValue> item) {
        return timeToLive.isPresent() && timeToLive.get().expired(item, TimeToLive.epochSeconds(java.time.Instant.now()));
    }

    /** @return the secondary indexes, local ones first, in declaration order */
    public List<IndexSchema> indexes() {
        return indexes;
    }

    /** @param name the index name @return the index, if declared @see NameLookup#index(String) */
    public Optional<IndexSchema> index(String name) {
        return names.index(name);
    }

    /** @param name the attribute or field name @return the attribute, if declared @see NameLookup#attributeOrField(String) */
    public Optional<AttributeSchema> attributeOrField(String name) {
        return names.attributeOrField(name);
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
        return (T) constructor.newInstance();
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
     * A cache another part keeps for this schema, made on first use: it lives as long as the schema.
     *
     * @param kind the cache's class, one cache per class
     * @param make makes it
     * @return the cache
     */
    public <C> C cache(Class<C> kind, java.util.function.Supplier<C> make) {
        Object c = caches.get(kind);
        return kind.cast(c != null ? c : caches.computeIfAbsent(kind, k -> make.get()));
    }

    /** @return whether the model's records are spread over copies (write partitioning) */
    public boolean partitioned() {
        return partitions != null;
    }

    /** @return the copies of the model's records; null when it is not {@link #partitioned()} */
    public Partitions partitions() {
        return partitions;
    }

    /** @param model the instance @return its item, a new mutable map @see ItemCodec#toItem(Object) */
    public Map<String, AttributeValue> toItem(Object model) {
        return items.toItem(model);
    }

    /** @param item the item @param model the instance to load it into @see ItemCodec#readItem(Map, Object) */
    public void readItem(Map<String, AttributeValue> item, Object model) {
        items.readItem(item, model);
    }

    /** @param from the instance to read @param to the instance to write @see ItemCodec#copyAttributes(Object, Object) */
    public void copyAttributes(Object from, Object to) {
        items.copyAttributes(from, to);
    }

    /** @param model the instance @return its primary key, checked @see ItemCodec#keyOf(Object) */
    public Map<String, AttributeValue> keyOf(Object model) {
        return items.keyOf(model);
    }

    /**
     * @param hash the hash key value
     * @param range the range key value, or null when the table has none
     * @return the key, checked, as {@code find.byId(hash, range)} looks it up
     * @see ItemCodec#key(Object, Object)
     */
    public Map<String, AttributeValue> key(Object hash, Object range) {
        return items.key(hash, range);
    }

    /** @param item the item {@link #toItem(Object)} made @return its key, checked @see ItemCodec#keyOfItem(Map) */
    public Map<String, AttributeValue> keyOfItem(Map<String, AttributeValue> item) {
        return items.keyOfItem(item);
    }

    /**
     * Checks a value compared with, or given to, a key attribute of the table or of an index.
     *
     * @param key the key attribute
     * @param role its part in the key, for the message: "hash key", "range key of global index x"...
     * @param value the value
     * @param maxBytes {@link #MAX_HASH_KEY_BYTES} or {@link #MAX_RANGE_KEY_BYTES}
     * @param fix what to do about an empty value, appended to the message (may be empty)
     * @throws dev.dynarecord.exception.InvalidKeyException when the value is an empty string or binary, or too long
     * @see ItemCodec#checkKeyValue(AttributeSchema, String, AttributeValue, int, String)
     */
    public void checkKeyValue(AttributeSchema key, String role, AttributeValue value, int maxBytes, String fix) {
        items.checkKeyValue(key, role, value, maxBytes, fix);
    }

    /**
     * @param attribute an attribute an update sets
     * @param value its new value
     * @throws dev.dynarecord.exception.InvalidKeyException when it is a secondary index's key and the value is empty or too long
     * @see ItemCodec#checkIndexKeys(AttributeSchema, AttributeValue)
     */
    public void checkIndexKeys(AttributeSchema attribute, AttributeValue value) {
        items.checkIndexKeys(attribute, value);
    }

    /** @param keyOrItem a key or an item of this model's table @return what tells it from other keys @see ItemCodec#keyIdentity(Map) */
    public Object keyIdentity(Map<String, AttributeValue> keyOrItem) {
        return items.keyIdentity(keyOrItem);
    }

    /** @param item a whole item of this model's table @return its key as it is @see ItemCodec#keyFromItem(Map) */
    public Map<String, AttributeValue> keyFromItem(Map<String, AttributeValue> item) {
        return items.keyFromItem(item);
    }

    /** @param key a record's key @param shards the number of shards @return its shard @see ItemCodec#shardOf(Map, int) */
    public int shardOf(Map<String, AttributeValue> key, int shards) {
        return items.shardOf(key, shards);
    }

    @Override
    public String toString() {
        return "ModelSchema{" + modelName + " -> " + tableDefinition.baseName() + ", " + attributeList + "}";
    }
}
