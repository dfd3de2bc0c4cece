package dev.dynarecord;

import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
public final class Finder<T extends Model<T>> {

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
    public Class<T> type() {
        return type;
    }

    /**
     * @return the model's schema in this finder's session (attributes, keys, table definition, and
     *     the session's converters); with the default session not opened yet, the global converters'
     *     schema, which is the one a default session configured from properties uses
     */
    public ModelSchema<T> schema() {
        Session s = session != null ? session : Dynarecord.current();
        return s == null ? Schemas.of(type) : s.engine().state().schema(type);
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
        return build(init).saveOrThrow();
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
        return build().assign(attributes);
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
        return build().assign(attributes).saveOrThrow();
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
        return build().assign(attributes, permitted).saveOrThrow();
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

    // ---- Queries: each method starts a Query, see Query for what they do ----

    /** @return a query with no conditions yet (all records) */
    public Query<T> query() {
        return new Query<>(this);
    }

    /**
     * @param expression a field, optionally with an operator: {@code "city"}, {@code "createdAt.gt"}
     * @param value the value
     * @return a query with the condition
     * @see Query#where(String, Object)
     */
    public Query<T> where(String expression, Object value) {
        return query().where(expression, value);
    }

    /**
     * @param field the field
     * @return the typed form of a condition: {@code where("rank").between(1, 10)}
     * @see Query#where(String)
     */
    public Where<T> where(String field) {
        return query().where(field);
    }

    /**
     * The first record whose field equals the value: ActiveRecord's {@code find_by_city}.
     *
     * @param field the field
     * @param value the value
     * @return the record, if one matches
     */
    public Optional<T> findBy(String field, Object value) {
        return where(field, value).first();
    }

    /** @return every record (a Scan unless an index applies; see {@link Query#all()}) */
    public List<T> all() {
        return query().all();
    }

    /** @return every record, fetched lazily page by page */
    public Stream<T> stream() {
        return query().stream();
    }

    /** @param records at most this many @return a query @see Query#limit(int) */
    public Query<T> limit(int records) {
        return query().limit(records);
    }

    /** @param items at most this many evaluated @return a query @see Query#scanLimit(long) */
    public Query<T> scanLimit(long items) {
        return query().scanLimit(items);
    }

    /** @param record the last record seen @return a query starting after it @see Query#start(Model) */
    public Query<T> start(T record) {
        return query().start(record);
    }

    /** @param key the last key seen @return a query starting after it @see Query#start(Key) */
    public Query<T> start(Key key) {
        return query().start(key);
    }

    /** @param direction the order @return a query @see Query#order(Order) */
    public Query<T> order(Order direction) {
        return query().order(direction);
    }

    /** @return a query with strongly consistent reads @see Query#consistent() */
    public Query<T> consistent() {
        return query().consistent();
    }

    /** @param name an index @return a query on it @see Query#useIndex(String) */
    public Query<T> useIndex(String name) {
        return query().useIndex(name);
    }

    /** @param associations association names @return a query preloading them @see Query#includes(String...) */
    public Query<T> includes(String... associations) {
        return query().includes(associations);
    }

    /** @return a query allowed to Scan @see Query#allowScan() */
    public Query<T> allowScan() {
        return query().allowScan();
    }

    /** @param fields fields to read @return a query reading only them @see Query#project(String...) */
    public Query<T> project(String... fields) {
        return query().project(fields);
    }

    /** @return how many records exist (Select COUNT over a Scan) */
    public long count() {
        return query().count();
    }

    /** @return the first record a Scan returns, if any */
    public Optional<T> first() {
        return query().first();
    }

    /** @return the last record a Scan returns, if any (reads every record) */
    public Optional<T> last() {
        return query().last();
    }

    /**
     * @param size the page size
     * @param cursor the previous page's cursor, or null
     * @return a page of all records
     * @see Query#page(int, String)
     */
    public Page<T> page(int size, String cursor) {
        return query().page(size, cursor);
    }

    /**
     * @param batchSize items per request
     * @param action run on every record
     * @see Query#findEach(int, Consumer)
     */
    public void findEach(int batchSize, Consumer<? super T> action) {
        query().findEach(batchSize, action);
    }

    /** @return how a Scan of every record would be served */
    public QueryPlan explain() {
        return query().explain();
    }

    /**
     * OceanDynamo's {@code find_local}: the records of a hash key with a range value in a local index.
     *
     * @param index the local index
     * @param hash the table's hash key value
     * @param range the index's range key value
     * @return the query, on that index
     */
    public Query<T> local(String index, Object hash, Object range) {
        IndexSchema i = indexOf(index, IndexSchema.Kind.LOCAL);
        return useIndex(index).where(schema().hashKey().name(), hash).where(i.rangeKey().orElseThrow().name(), range);
    }

    /**
     * @param index the local index
     * @param hash the table's hash key value
     * @param range the index's range key value
     * @return the first match
     */
    public Optional<T> findLocal(String index, Object hash, Object range) {
        return local(index, hash, range).first();
    }

    /**
     * OceanDynamo's {@code find_global}: the records with a value of a global index's hash key.
     *
     * @param index the global index
     * @param hash its hash key value
     * @return the query, on that index
     */
    public Query<T> global(String index, Object hash) {
        IndexSchema i = indexOf(index, IndexSchema.Kind.GLOBAL);
        if (i.sharded()) {
            throw new InvalidQueryException(schema().modelName() + ": " + index + " is a sharded range index with no hash key"
                    + " of its own; query it with where(\"" + i.rangeKey().orElseThrow().name() + ".gt\", value)");
        }
        return useIndex(index).where(i.hashKeyName(), hash);
    }

    /**
     * @param index the global index
     * @param hash its hash key value
     * @param range its range key value
     * @return the query, on that index
     */
    public Query<T> global(String index, Object hash, Object range) {
        IndexSchema i = indexOf(index, IndexSchema.Kind.GLOBAL);
        return global(index, hash).where(i.rangeKey().orElseThrow(() -> new InvalidQueryException(schema().modelName() + ": "
                + index + " has no range key; use global(index, hash)")).name(), range);
    }

    /**
     * @param index the global index
     * @param hash its hash key value
     * @return the first match
     */
    public Optional<T> findGlobal(String index, Object hash) {
        return global(index, hash).first();
    }

    /**
     * @param index the global index
     * @param hash its hash key value
     * @param range its range key value
     * @return the first match
     */
    public Optional<T> findGlobal(String index, Object hash, Object range) {
        return global(index, hash, range).first();
    }

    private IndexSchema indexOf(String name, IndexSchema.Kind kind) {
        IndexSchema i = schema().index(name).orElseThrow(() -> new InvalidQueryException(schema().modelName() + " has no index '"
                + name + "'; its indexes are " + schema().indexes().stream().map(IndexSchema::name).toList()));
        if (i.kind() != kind) {
            throw new InvalidQueryException(schema().modelName() + ": " + name + " is a " + i.kind().name().toLowerCase()
                    + " index; use " + (kind == IndexSchema.Kind.LOCAL ? "global(...)" : "local(...)"));
        }
        return i;
    }

    @Override
    public String toString() {
        return "Finder<" + type.getSimpleName() + ">";
    }
}
