package dev.dynarecord;

import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The query side of {@link Finder}: each method starts a {@link Query}. Not used on its own; every
 * method is part of {@code Finder}'s API.
 *
 * @param <T> the model type
 */
abstract class FinderQueries<T extends Model<?>> {

    FinderQueries() {
    }

    /** @return the model class */
    public abstract Class<T> type();

    /** @return a query with no conditions yet (all records) */
    public Query<T> query() {
        return new Query<>(finder());
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
     * Reads many records by hash key: Dynamoid's {@code find_all}. Every id is checked and converted
     * before any request; duplicates are read once; BatchGetItem reads 100 keys at a time and
     * retries the keys DynamoDB leaves unprocessed.
     *
     * @param ids the hash key values
     * @return the records found, in the order of their ids; an id without an item is simply absent
     * @throws dev.dynarecord.exception.InvalidKeyException when an id is null or the model has a range
     *     key (use {@link #byKeys(Collection)}); nothing is sent
     */
    public List<T> byIds(Collection<?> ids) {
        return byIds(ids, ReadOptions.eventual());
    }

    /**
     * @param ids the hash key values
     * @param options {@code consistent()}, and {@code strict()} / {@code andStrict()} to require every id to have an item
     * @return the records found, in the order of their ids
     * @throws dev.dynarecord.exception.RecordNotFoundException with {@code strict()}, naming the ids without an item
     * @see #byIds(Collection)
     */
    public List<T> byIds(Collection<?> ids, ReadOptions options) {
        return byIds(ids, options, List.of());
    }

    /** As {@link #byIds(Collection, ReadOptions)}, reading only the attributes projected (all when empty). */
    List<T> byIds(Collection<?> ids, ReadOptions options, List<String> projection) {
        ModelSchema<T> schema = schema();
        if (ids == null) {
            throw new InvalidKeyException(schema.modelName() + ": byIds(null); pass a collection of ids");
        }
        if (schema.rangeKey().isPresent()) {
            throw new InvalidKeyException(schema.modelName() + " has a range key (" + schema.rangeKey().get().fieldName()
                    + "), so an id alone is not a key; use byKeys(List.of(Key.of(hash, range), ...))");
        }
        List<Key> keys = new ArrayList<>(ids.size());
        for (Object id : ids) {
            if (id == null) {
                throw new InvalidKeyException(schema.modelName() + ": id #" + keys.size() + " of " + ids.size()
                        + " is null; nothing was read. Pass only ids");
            }
            keys.add(Key.of(id));
        }
        return finder().session().findRecords(type(), keys, projection, options);
    }

    /**
     * Reads many records by key, for hash and hash+range models. As {@link #byIds(Collection)}.
     *
     * @param keys the keys
     * @return the records found by key, in the order of the keys; a key without an item is absent
     */
    public Map<Key, T> byKeys(Collection<Key> keys) {
        return byKeys(keys, ReadOptions.eventual());
    }

    /**
     * @param keys the keys
     * @param options {@code consistent()}, and {@code strict()} / {@code andStrict()} to require every key to have an item
     * @return the records found by key, in the order of the keys
     * @throws dev.dynarecord.exception.RecordNotFoundException with {@code strict()}, naming the keys without an item
     */
    public Map<Key, T> byKeys(Collection<Key> keys, ReadOptions options) {
        return byKeys(keys, options, List.of());
    }

    /** As {@link #byKeys(Collection, ReadOptions)}, reading only the attributes projected (all when empty). */
    Map<Key, T> byKeys(Collection<Key> keys, ReadOptions options, List<String> projection) {
        return finder().session().findAll(type(), keys, projection, options);
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

    /** @return a query that also returns records whose TTL has passed @see Query#includeExpired() */
    public Query<T> includeExpired() {
        return query().includeExpired();
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

    /**
     * Deletes every record of the model without loading them, as Dynamoid's {@code delete_all}: a
     * Scan of the keys, then BatchWriteItem 25 at a time; no callbacks, no dependents (see
     * {@link Query#deleteAll()}). This is a Scan and does not allow itself one: {@code warnOnScan}
     * logs it, and with {@code errorOnScan} it is a {@code ScanProhibitedException} before any
     * request, as {@link #all()} is; say {@code allowScan().deleteAll()} to mean the whole table.
     *
     * @return how many were deleted
     * @throws dev.dynarecord.exception.PartialWriteException when a request fails part-way; repeating finishes it
     */
    public long deleteAll() {
        return query().deleteAll();
    }

    /**
     * Destroys every record of the model, loading them a page at a time and calling each one's
     * {@code destroy()} (see {@link Query#destroyAll()}). A Scan, under the scan policy as
     * {@link #deleteAll()} is: {@code allowScan().destroyAll()} when {@code errorOnScan} is on.
     *
     * @return how many were destroyed
     */
    public long destroyAll() {
        return query().destroyAll();
    }

    /**
     * Applies one atomic update to every record of the model, one UpdateItem each (see
     * {@link Query#updateAll(Consumer)}). A Scan, under the scan policy as {@link #deleteAll()} is:
     * {@code allowScan().updateAll(changes)} when {@code errorOnScan} is on.
     *
     * <pre>{@code User.find.allowScan().updateAll(u -> u.set("plan", "FREE"));}</pre>
     *
     * @param changes the changes
     * @return how many were updated
     */
    public long updateAll(Consumer<Update> changes) {
        return query().updateAll(changes);
    }

    /**
     * Writes many new records, Dynamoid's {@code import}: 25 a BatchWriteItem, read from the
     * iterable as they come (memory: one batch, and the keys written so far). Each item is what the
     * record's {@code save()} would store (generated key, timestamps, lock version 1), and each
     * written record is persisted as after it. Validations run and invalid records are skipped
     * (see {@link ImportResult#skipped()}); callbacks do not run (see {@link Import}). A batch put
     * is unconditional: an item with the same key is overwritten. A record that is null, persisted,
     * destroyed, of another session, or has the key of an earlier record stops the import before
     * its batch is sent; the batches before stay written. See docs/bulk-and-transactions.md.
     *
     * @param records new records
     * @return what was written and skipped
     * @throws dev.dynarecord.exception.RecordNotSavedException when {@code records} or a record is null, or a record is not new
     * @throws InvalidKeyException when two records have the same key
     * @throws dev.dynarecord.exception.PartialWriteException when a batch fails after records were written:
     *     {@code applied()} counts them all; repeat with the records still new to finish
     */
    public ImportResult<T> importAll(Iterable<T> records) {
        return importAll(records, Import.options());
    }

    /**
     * @param records new records
     * @param options validations, callbacks, progress (see {@link #importAll(Iterable)})
     * @return what was written and skipped
     */
    public ImportResult<T> importAll(Iterable<T> records, Import options) {
        return importAll(records == null ? null : records.iterator(), options);
    }

    /**
     * @param records new records, consumed as they come (the caller closes the stream)
     * @param options validations, callbacks, progress (see {@link #importAll(Iterable)})
     * @return what was written and skipped
     */
    public ImportResult<T> importAll(Stream<T> records, Import options) {
        return importAll(records == null ? null : records.iterator(), options);
    }

    private ImportResult<T> importAll(Iterator<T> records, Import options) {
        if (records == null || options == null) {
            throw new RecordNotSavedException(schema().modelName() + ": importAll needs the records and the options"
                    + " (Import.options()), not null; nothing was written");
        }
        return finder().session().importAll(type(), records, options);
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

    @SuppressWarnings("unchecked")
    private Finder<T> finder() {
        return (Finder<T>) this;
    }

    private ModelSchema<T> schema() {
        return finder().schema();
    }
}
