package dev.dynarecord;

import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.query.QueryExecution;
import dev.dynarecord.internal.query.QueryPlanner;
import dev.dynarecord.internal.query.QuerySpec;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.DocumentPaths;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A query on one model: conditions, limits, order and read options. Immutable: every method
 * returns a new query, so a query can be kept, reused and shared between threads. Nothing is sent
 * until a terminal method ({@link #all()}, {@link #stream()}, {@link #first()}, {@link #count()},
 * {@link #page(int, String)}...) runs; {@link #explain()} shows what would be sent.
 *
 * <pre>{@code
 * List<Address> chicago = Address.find.where("city", "Chicago").all();
 * List<User> recent = User.find.where("createdAt.gt", Instant.now().minus(1, DAYS)).all();
 * List<User> ranked = User.find.where("rank").between(1, 10).limit(5).all();
 * Optional<Authentication> latest = Authentication.find.where("apiUserId", uid).order(DESC).first();
 * System.out.println(User.find.where("email", "x@y.z").explain());   // Query on GSI email_index, no Scan
 * }</pre>
 *
 * <p>The {@link QueryPlanner} picks the table's key, a local index, a global index or a sharded
 * index, and only when none fits a Scan (logged when {@code warnOnScan} is on, refused when
 * {@code errorOnScan} is on unless {@link #allowScan()}).
 *
 * @param <T> the model type
 */
public final class Query<T extends Model<?>> implements Iterable<T> {

    private final Finder<T> finder;
    private final QuerySpec spec;

    Query(Finder<T> finder) {
        this(finder, QuerySpec.ALL);
    }

    private Query(Finder<T> finder, QuerySpec spec) {
        this.finder = finder;
        this.spec = spec;
    }

    /**
     * Adds a condition in the string form: a field, optionally followed by a dot and an operator
     * ({@code eq ne gt gte lt lte between begins_with in contains not_contains exists not_exists
     * null not_null}).
     *
     * <pre>{@code
     * where("city", "Chicago")   where("rank.gte", 3)   where("rank.between", List.of(1, 10))
     * where("tags.contains", "admin")   where("nickname.null", true)   where("city.in", List.of("A", "B"))
     * }</pre>
     *
     * @param expression the field and operator
     * @param value the value; for between a two-element list, for in a list, for exists/null a boolean
     * @return the query with the condition added
     * @throws InvalidQueryException when the field is not declared, the operator does not suit its type,
     *     or the value does not have the field's type
     */
    public Query<T> where(String expression, Object value) {
        return withCondition(Conditions.parse(schema(), expression, value));
    }

    /**
     * Starts a condition in the typed form: {@code where("rank").between(1, 10)}.
     *
     * @param field the field
     * @return the condition builder
     */
    public Where<T> where(String field) {
        if (field == null || field.isBlank()) {
            throw new InvalidQueryException(schema().modelName() + ": where(...) needs a field name, as in where(\"rank\").gt(3)");
        }
        if (schema().attributeOrField(field).isEmpty()) {
            Conditions.of(schema(), field, Operator.EXISTS, List.of()); // throws, naming the declared fields
        }
        return new Where<>(this, field);
    }

    Query<T> with(String field, Operator operator, List<?> values) {
        return withCondition(Conditions.of(schema(), field, operator, values));
    }

    private Query<T> withCondition(Condition condition) {
        return new Query<>(finder, spec.where(condition));
    }

    /**
     * At most this many records, counted after filters: pages are read until the limit is met.
     *
     * @param records the most records to return, at least 1
     * @return the query
     */
    public Query<T> limit(int records) {
        if (records <= 0) {
            throw new InvalidQueryException(schema().modelName() + ": limit(" + records + ") must be at least 1; leave it out"
                    + " to read every matching record");
        }
        return new Query<>(finder, spec.withLimit(records));
    }

    /**
     * At most this many items evaluated by DynamoDB (before filters): DynamoDB's {@code Limit}, a
     * bound on read cost. With a sharded index, per shard.
     *
     * @param items the most items to evaluate, at least 1
     * @return the query
     */
    public Query<T> scanLimit(long items) {
        if (items <= 0) {
            throw new InvalidQueryException(schema().modelName() + ": scanLimit(" + items + ") must be at least 1");
        }
        return new Query<>(finder, spec.withScanLimit(items));
    }

    /**
     * Starts after a record, as returned by an earlier run of the same query: the records that
     * follow it.
     *
     * @param record the last record already seen
     * @return the query
     */
    public Query<T> start(T record) {
        Objects.requireNonNull(record, "record");
        return new Query<>(finder, spec.startingAfter(record, null));
    }

    /**
     * Starts after the record with this key.
     *
     * @param key the key of the last record already seen
     * @return the query
     */
    public Query<T> start(Key key) {
        Objects.requireNonNull(key, "key");
        return new Query<>(finder, spec.startingAfter(null, key));
    }

    /**
     * Reads only some fields (keys are always read). The records are partial: they refuse to be
     * saved until reloaded.
     *
     * @param fields field or attribute names
     * @return the query
     */
    public Query<T> project(String... fields) {
        List<String> names = new ArrayList<>();
        for (String f : fields) {
            String name = schema().attributeOrField(f).map(AttributeSchema::name)
                    .or(() -> DocumentPaths.resolve(schema(), f).map(DocumentPaths.DocumentPath::encoded))
                    .orElseThrow(() -> new InvalidQueryException(schema().modelName()
                    + " has no field '" + f + "' to project; declared fields are "
                    + schema().attributes().stream().map(AttributeSchema::fieldName).sorted().toList()));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new InvalidQueryException(schema().modelName() + ": project() needs at least one field");
        }
        // A partial record still needs its lock version, or its destroy() and touch() would be refused as stale.
        finder.session().engine().state().lockVersionName(schema()).filter(l -> !names.contains(l)).ifPresent(names::add);
        return new Query<>(finder, spec.withProjection(names));
    }

    /**
     * The order on the range key of the table or index read. Needs a Query: a Scan has no order.
     *
     * @param direction ascending or descending
     * @return the query
     */
    public Query<T> order(Order direction) {
        return new Query<>(finder, spec.withOrder(Objects.requireNonNull(direction, "order")));
    }

    /**
     * Strongly consistent reads: on the table and local indexes. A global index cannot give them:
     * planning one with this is an {@link InvalidQueryException}.
     *
     * @return the query
     */
    public Query<T> consistent() {
        return new Query<>(finder, spec.withConsistentReads());
    }

    /**
     * Reads this index instead of letting the planner choose, even one the planner passes over
     * because it may miss records: an index holds only the items that have all its key attributes,
     * so without a condition on its range key it returns only the records that have that attribute,
     * and {@link #explain()} warns so.
     *
     * @param name a declared index
     * @return the query
     */
    public Query<T> useIndex(String name) {
        Objects.requireNonNull(name, "name");
        if (schema().index(name).isEmpty()) {
            throw new InvalidQueryException(schema().modelName() + " has no index '" + name + "'; its indexes are "
                    + schema().indexes().stream().map(i -> i.name()).toList());
        }
        return new Query<>(finder, spec.withIndex(name));
    }

    /**
     * Also returns the records whose TTL has passed, for a model with {@code @Table(ttl = ...)}.
     * DynamoDB deletes expired items only eventually (typically within days), so by default a query
     * hides them with a filter, {@code attribute_not_exists(#ttl) OR #ttl > :now}, which
     * {@link #explain()} shows (or, when the TTL attribute is a key of the index read, by dropping
     * them after the read). No effect on a model without a TTL.
     *
     * <pre>{@code WebSession.find.where("userId", uid).includeExpired().all();}</pre>
     *
     * @return the query
     */
    public Query<T> includeExpired() {
        return new Query<>(finder, spec.withExpiredIncluded());
    }

    /**
     * Lets this query Scan even when {@code errorOnScan} is on, without the warning of {@code warnOnScan}.
     *
     * @return the query
     */
    public Query<T> allowScan() {
        return new Query<>(finder, spec.withScanAllowed());
    }

    /**
     * Reads a Scan in this many segments at once ({@code Segment} / {@code TotalSegments}), each paged
     * on the session's own pool, merged in no particular order. Limits, {@code scanLimit} (a total),
     * projections, filters, {@code includes} and the scan policy behave as for a serial Scan; a
     * Query (one partition) is not split, and {@link #explain()} says so. See docs/querying.md.
     *
     * @param segments how many segments, 1 (a serial Scan) to 1,000,000
     * @return the query
     * @throws InvalidQueryException when out of range; {@link #page(int, String)} and {@code start(...)}
     *     on a parallel Scan are refused when it runs (a cursor holds one position, not one per segment)
     */
    public Query<T> parallel(int segments) {
        if (segments < 1 || segments > QuerySpec.MAX_SEGMENTS) {
            throw new InvalidQueryException(schema().modelName() + ": parallel(" + segments + ") must be from 1 to 1,000,000"
                    + " segments (DynamoDB's TotalSegments range)");
        }
        return new Query<>(finder, spec.withSegments(segments));
    }

    /**
     * Preloads associations of the records this query returns, 100 records at a time as they are
     * read, so reading them later sends nothing: owners and habtm records with BatchGetItem, children
     * with concurrent Queries.
     *
     * <pre>{@code User.find.where("rank", 3).includes("addresses", "group").all();}</pre>
     *
     * @param associations association names (their field names)
     * @return the query
     * @throws InvalidQueryException when the model has no association of a name
     */
    public Query<T> includes(String... associations) {
        for (String name : associations) {
            if (schema().association(name).isEmpty()) {
                throw new InvalidQueryException(schema().modelName() + " has no association '" + name + "' to include; its"
                        + " associations are " + schema().associations().stream().map(a -> a.name()).toList());
            }
        }
        return new Query<>(finder, spec.withIncludes(associations));
    }

    /** @return how this query would be served, without sending anything */
    public QueryPlan explain() {
        return execution().explain();
    }

    /** @return every matching record (up to the limit), in a list */
    public List<T> all() {
        return observed("query", () -> {
            List<T> out = new ArrayList<>();
            execution().records().forEachRemaining(out::add);
            return out;
        });
    }

    /**
     * The matching records, fetched a page at a time as the stream is consumed: a stream that
     * stops early sends no more requests.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** @return a lazy iterator over the matching records */
    @Override
    public Iterator<T> iterator() {
        return execution().records();
    }

    /**
     * Reads many records by id, as {@link Finder#byIds(Collection)}, with this query's projection,
     * consistency and {@code includeExpired}: {@code User.find.project("name").byIds(ids)} gives
     * partial records. Only {@code project}, {@code consistent} and {@code includeExpired} apply to a
     * read by key.
     *
     * @param ids the hash key values
     * @return the records found, in the order of their ids
     * @throws InvalidQueryException when the query has conditions or other options; nothing is sent
     */
    public List<T> byIds(Collection<?> ids) {
        return finder.byIds(ids, keyReadOptions("byIds", ReadOptions.eventual()), spec.projection());
    }

    /**
     * As {@link #byIds(Collection)}, for hash and hash+range models, as {@link Finder#byKeys(Collection, ReadOptions)}.
     *
     * @param keys the keys
     * @param options {@code strict()} to require every key to have an item; consistency as the query's or the options'
     * @return the records found by key, in the order of the keys
     */
    public Map<Key, T> byKeys(Collection<Key> keys, ReadOptions options) {
        return finder.byKeys(keys, keyReadOptions("byKeys", Objects.requireNonNull(options, "options")), spec.projection());
    }

    private ReadOptions keyReadOptions(String read, ReadOptions options) {
        QuerySpec keyed = QuerySpec.ALL.withProjection(spec.projection());
        keyed = spec.consistent() ? keyed.withConsistentReads() : keyed;
        if (!(spec.includeExpired() ? keyed.withExpiredIncluded() : keyed).equals(spec)) {
            throw new InvalidQueryException(schema().modelName() + ": " + read + " reads by key, so only project(...),"
                    + " consistent() and includeExpired() apply to it; drop the query's conditions and other options, or"
                    + " filter the records it returns. Nothing was read");
        }
        return new ReadOptions(spec.consistent() || options.consistentRead(), options.requireAll(),
                spec.includeExpired() || options.includesExpired());
    }

    /** @return the first matching record, if any */
    public Optional<T> first() {
        return observed("query", () -> execution().first());
    }

    /**
     * The last matching record: the first in the opposite order for a Query; for a Scan, or a query
     * with a limit, every record (up to the limit) is read to find it.
     *
     * @return the last record, if any
     */
    public Optional<T> last() {
        return observed("query", () -> execution().last());
    }

    /**
     * Counts the matching records with Select COUNT: no items are transferred. Stops at the limit,
     * if one is set.
     *
     * @return the count
     */
    public long count() {
        return observed("count", () -> execution().count());
    }

    /** @return whether any record matches (reads at most one, keys only) */
    public boolean exists() {
        return observed("exists", () -> execution().exists());
    }

    /**
     * One page of records and the cursor of the next one.
     *
     * @param size the page size, at least 1
     * @param cursor the cursor the previous page returned, or null for the first page
     * @return the page
     * @throws dev.dynarecord.exception.InvalidCursorException when the cursor was altered or belongs to another query
     */
    public Page<T> page(int size, String cursor) {
        if (size <= 0) {
            throw new InvalidQueryException(schema().modelName() + ": page size " + size + " must be at least 1");
        }
        return observed("page", () -> execution().page(size, cursor));
    }

    /**
     * Runs an action on every matching record, reading {@code batchSize} items per request, so
     * memory stays bounded however many records match.
     *
     * @param batchSize items per request, at least 1
     * @param action the action
     */
    public void findEach(int batchSize, Consumer<? super T> action) {
        if (batchSize <= 0) {
            throw new InvalidQueryException(schema().modelName() + ": findEach batch size " + batchSize + " must be at least 1");
        }
        observed("query", () -> {
            execution().findEach(batchSize, action);
            return null;
        });
    }

    /**
     * Deletes every matching record (up to the limit) without loading it, as Dynamoid's {@code
     * delete_all}: keys read a page at a time, deleted 25 a BatchWriteItem; no callbacks, dependents
     * or lock check. The scan policy applies.
     *
     * @return how many were deleted
     * @throws dev.dynarecord.exception.PartialWriteException when a request fails part-way: {@code applied()} counts
     *     every delete made; repeating the call deletes the rest
     */
    public long deleteAll() {
        return finder.session().engine().deleteAll(schema(), spec);
    }

    /**
     * Destroys every matching record (up to the limit), loading them a page at a time and calling each
     * one's {@link Model#destroy()}: callbacks, dependents, lock version. Refused on a {@link #project}ed
     * query. A before_destroy returning false stops it ({@code RecordNotSavedException}).
     *
     * @return how many were destroyed
     * @throws dev.dynarecord.exception.PartialWriteException when a request fails after some were destroyed
     */
    public long destroyAll() {
        return finder.session().engine().destroyAll(schema(), spec);
    }

    /**
     * Applies one atomic update to every matching record (up to the limit), as {@code find.update}
     * does to one: checked once, then one UpdateItem per key read. A record deleted meanwhile is
     * skipped. See docs/lifecycle.md for repeating one that failed part-way.
     *
     * @param changes the changes, as for {@link Finder#update(Object, Consumer)}; keys cannot change
     * @return how many were updated
     * @throws dev.dynarecord.exception.PartialWriteException when a request fails after some were updated
     */
    public long updateAll(Consumer<Update> changes) {
        return finder.session().engine().updateAll(schema(), spec, changes);
    }

    ModelSchema<T> schema() {
        return finder.schema();
    }

    /** A terminal operation, as one model-level operation to the session's observers. */
    private <R> R observed(String operation, java.util.function.Supplier<R> body) {
        return finder.session().engine().observed(operation, schema().type(), body);
    }

    private QueryExecution<T> execution() {
        return new QueryExecution<>(schema(), finder.session().engine().state(), spec);
    }

    @Override
    public String toString() {
        return "Query<" + schema().modelName() + ">" + spec;
    }
}
