package dev.dynarecord;

import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds, builds and deletes records of one model class. Each model keeps one in a static field,
 * {@code public static final Finder<User> find = finder(User.class);}, bound to the default
 * session; {@link #using(Session)} gives one bound to another session.
 *
 * <pre>{@code
 * User u = User.find.byId(id);                          // RecordNotFoundException if absent
 * Optional<User> maybe = User.find.byIdOptional(id, consistent());
 * User created = User.find.create(x -> x.name = "Josh");
 * List<User> ranked = User.find.where("rank").between(1, 10).all();   // queries start here, see Query
 * Optional<User> josh = User.find.findBy("email", "josh@example.com");
 * }</pre>
 *
 * <p>Finders are immutable and thread-safe.
 *
 * @param <T> the model type
 */
public final class Finder<T extends Model<?>> extends FinderQueries<T> {

    private final Class<T> type;
    private final Session session;

    Finder(Class<T> type, Session session) {
        this.type = Objects.requireNonNull(type, "type");
        this.session = session;
    }

    /**
     * @param other the session to use
     * @return a finder for the same model on that session
     */
    public Finder<T> using(Session other) {
        return new Finder<>(type, Objects.requireNonNull(other, "session"));
    }

    /** @return the session this finder uses: its own, else the default one */
    public Session session() {
        return session != null ? session : Dynarecord.session();
    }

    /** @return the model class */
    @Override
    public Class<T> type() {
        return type;
    }

    /** @return the model's schema in this finder's session (its converters), else the global converters' one */
    ModelSchema<T> schema() {
        Session s = session != null ? session : Dynarecord.current();
        return s == null ? Schemas.of(type) : s.engine().state().schema(type);
    }

    /**
     * The mapping between this model's records and DynamoDB items in this finder's session (the
     * default session's when the finder has none of its own, as it is now).
     *
     * <pre>{@code User loaded = User.find.mapper().fromItem(streamRecord.dynamodb().newImage());}</pre>
     *
     * @return the mapper
     */
    public ItemMapper<T> mapper() {
        return session().mapper(type);
    }

    /** @return the model's full table name in this finder's session (namespace applied) */
    public String tableName() {
        return session().tableName(type);
    }

    /**
     * Finds a record by hash key.
     *
     * @param hash the hash key value
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash) {
        return session().find(type, hash, null, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param options read options, such as {@code consistent()}
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash, ReadOptions options) {
        return session().find(type, hash, null, options);
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash, Object range) {
        return session().find(type, hash, range, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @param options read options, such as {@code consistent()}
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash, Object range, ReadOptions options) {
        return session().find(type, hash, range, options);
    }

    /**
     * @param key the key
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byKey(Key key) {
        return session().find(type, key.hash(), key.range(), ReadOptions.eventual());
    }

    /**
     * Finds a record by hash key, or nothing.
     *
     * @param hash the hash key value
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash) {
        return session().findOptional(type, hash, null, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param options read options
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash, ReadOptions options) {
        return session().findOptional(type, hash, null, options);
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash, Object range) {
        return session().findOptional(type, hash, range, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @param options read options
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash, Object range, ReadOptions options) {
        return session().findOptional(type, hash, range, options);
    }

    /**
     * Whether an item has the key, reading only the key attributes.
     *
     * @param hash the hash key value
     * @return whether it exists
     */
    public boolean exists(Object hash) {
        return session().exists(type, hash, null, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @return whether it exists
     */
    public boolean exists(Object hash, Object range) {
        return session().exists(type, hash, range, ReadOptions.eventual());
    }

    /**
     * A new, unsaved record bound to this finder's session, with its defaults set.
     *
     * @return the record
     */
    public T build() {
        return session().build(type);
    }

    /**
     * A new, unsaved record, initialised.
     *
     * @param init sets fields
     * @return the record
     */
    public T build(Consumer<? super T> init) {
        T record = build();
        init.accept(record);
        return record;
    }

    /**
     * Builds, initialises and saves a record.
     *
     * <pre>{@code User u = User.find.create(x -> { x.name = "Josh"; x.rank = 1; });}</pre>
     *
     * @param init sets fields
     * @return the saved record
     * @throws dev.dynarecord.exception.RecordNotSavedException when it was not saved
     */
    public T create(Consumer<? super T> init) {
        return saved(build(init));
    }

    /**
     * A new, unsaved record with mass-assigned fields (see {@link Model#assign(Map)}).
     *
     * <pre>{@code User u = User.find.build(Map.of("name", "Josh", "rank", 1));}</pre>
     *
     * @param attributes field or attribute names to values
     * @return the record, not saved
     * @throws dev.dynarecord.exception.UnknownAttributeException when a key is not a declared field
     * @throws dev.dynarecord.exception.ProtectedAttributeException when a key is protected
     * @throws dev.dynarecord.exception.ConversionException when a value cannot be converted to its field's type
     */
    public T build(Map<String, ?> attributes) {
        T record = build();
        record.assign(attributes);
        return record;
    }

    /**
     * Builds a record with mass-assigned fields and saves it (see {@link Model#assign(Map)}).
     *
     * <pre>{@code User u = User.find.create(new ObjectMapper().readValue(body, Map.class));}</pre>
     *
     * @param attributes field or attribute names to values
     * @return the saved record
     * @throws dev.dynarecord.exception.UnknownAttributeException when a key is not a declared field
     * @throws dev.dynarecord.exception.ProtectedAttributeException when a key is protected
     * @throws dev.dynarecord.exception.ConversionException when a value cannot be converted to its field's type
     * @throws dev.dynarecord.exception.RecordNotSavedException when it was not saved
     */
    public T create(Map<String, ?> attributes) {
        return saved(build(attributes));
    }

    /**
     * Builds a record with mass-assigned fields, allowing the protected ones named, and saves it
     * (see {@link Model#assign(Map, String...)}).
     *
     * <pre>{@code User admin = User.find.create(Map.of("name", "Root", "admin", true), "admin");}</pre>
     *
     * @param attributes field or attribute names to values
     * @param permitted protected fields allowed in this call, by field or attribute name
     * @return the saved record
     * @throws dev.dynarecord.exception.UnknownAttributeException when a key is not a declared field
     * @throws dev.dynarecord.exception.ProtectedAttributeException when a key is protected and not permitted
     * @throws dev.dynarecord.exception.ConversionException when a value cannot be converted to its field's type
     * @throws dev.dynarecord.exception.RecordNotSavedException when it was not saved
     */
    public T create(Map<String, ?> attributes, String... permitted) {
        T record = build();
        record.assign(attributes, permitted);
        return saved(record);
    }

    /** Saves through the record's own API; a subclass of a hierarchy is its root's {@code Model}, so returns it as T. */
    private static <T extends Model<?>> T saved(T record) {
        record.saveOrThrow();
        return record;
    }

    /**
     * Deletes the item with this hash key without loading it. Deleting a missing item is not an error.
     *
     * @param hash the hash key value
     */
    public void delete(Object hash) {
        session().deleteByKey(type, hash, null);
    }

    /**
     * Deletes the item with this key without loading it.
     *
     * @param hash the hash key value
     * @param range the range key value
     */
    public void delete(Object hash, Object range) {
        session().deleteByKey(type, hash, range);
    }

    // ---- Atomic updates: one UpdateItem, no record loaded first, see Update ----

    /**
     * Changes the item with this key in place, atomically, without loading it: one UpdateItem. The
     * item must exist. {@code updatedAt} is set and the lock version (when the model is locked) is
     * bumped, so copies loaded before become stale. Validations and callbacks do not run.
     *
     * <pre>{@code
     * User u = User.find.update(id, x -> x.increment("visits").set("lastSeenAt", Instant.now()));
     * }</pre>
     *
     * @param hash the hash key value
     * @param changes the changes, given to an {@link Update} checked against the model as they are made
     * @return the record as stored after the update
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key; nothing is written
     * @throws dev.dynarecord.exception.UnknownAttributeException when a change names an undeclared field
     * @throws dev.dynarecord.exception.InvalidUpdateException when a change does not suit its field
     */
    public T update(Object hash, Consumer<Update> changes) {
        return session().atomicUpdate(type, hash, null, null, changes, false);
    }

    /**
     * Changes the item with this key in place, atomically (see {@link #update(Object, Consumer)}).
     *
     * @param hash the hash key value
     * @param range the range key value
     * @param changes the changes
     * @return the record as stored after the update
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key; nothing is written
     */
    public T update(Object hash, Object range, Consumer<Update> changes) {
        return session().atomicUpdate(type, hash, range, null, changes, false);
    }

    /**
     * Changes the item with this key in place, atomically, only if it holds the condition.
     *
     * <pre>{@code
     * User.find.update(Key.of(id), WriteCondition.where("credits.gte", 5), x -> x.decrement("credits", 5));
     * }</pre>
     *
     * @param key the key
     * @param condition what the item must hold; null or {@link WriteCondition#none()} for nothing
     * @param changes the changes
     * @return the record as stored after the update
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key; nothing is written
     * @throws dev.dynarecord.exception.ConditionFailedException when the item does not hold the condition;
     *     nothing is written
     * @throws dev.dynarecord.exception.InvalidQueryException when the condition names an undeclared field
     *     or has a value of the wrong type (before any request)
     */
    public T update(Key key, WriteCondition condition, Consumer<Update> changes) {
        return session().atomicUpdate(type, key.hash(), key.range(), condition, changes, false);
    }

    /**
     * Changes the item with this key in place, atomically, creating it when absent: one UpdateItem.
     * A new item gets {@code createdAt}; an existing one keeps it. {@code updatedAt} is set and the
     * lock version counts up from 1. A model whose hash key is generated on save still needs the key
     * given here. Defaults ({@code @Default}) are not stored for a new item, only read back.
     *
     * <pre>{@code
     * PageView v = PageView.find.upsert(path, x -> x.increment("count").setIfNotExists("firstSeen", now));
     * }</pre>
     *
     * @param hash the hash key value
     * @param changes the changes
     * @return the record as stored after the update
     */
    public T upsert(Object hash, Consumer<Update> changes) {
        return session().atomicUpdate(type, hash, null, null, changes, true);
    }

    /**
     * Changes or creates the item with this key (see {@link #upsert(Object, Consumer)}).
     *
     * @param hash the hash key value
     * @param range the range key value
     * @param changes the changes
     * @return the record as stored after the update
     */
    public T upsert(Object hash, Object range, Consumer<Update> changes) {
        return session().atomicUpdate(type, hash, range, null, changes, true);
    }

    /**
     * Changes or creates the item with this key, only if it holds the condition (an absent item holds
     * {@code unlessExists} conditions and fails comparisons).
     *
     * <pre>{@code
     * User.find.upsert(Key.of(id), WriteCondition.unlessExists("email"), x -> x.set("email", email));
     * }</pre>
     *
     * @param key the key
     * @param condition what the item must hold; null or {@link WriteCondition#none()} for nothing
     * @param changes the changes
     * @return the record as stored after the update
     * @throws dev.dynarecord.exception.ConditionFailedException when the condition does not hold; nothing is written
     */
    public T upsert(Key key, WriteCondition condition, Consumer<Update> changes) {
        return session().atomicUpdate(type, key.hash(), key.range(), condition, changes, true);
    }

    @Override
    public String toString() {
        return "Finder<" + type.getSimpleName() + ">";
    }
}
