package dev.dynarecord.internal.query;

import dev.dynarecord.Key;
import dev.dynarecord.Model;
import dev.dynarecord.Page;
import dev.dynarecord.Query;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.ScanProhibitedException;
import dev.dynarecord.internal.association.Preloader;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.dynamo.GetItemOperation;
import dev.dynarecord.internal.persist.Validations;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs one {@link Query}: plans it, applies the scan policy, and turns items into records. Each
 * terminal method of the query is one method here.
 */
public final class QueryExecution<T extends Model<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(Query.class);

    private final QuerySpec query;
    private final SessionState session;
    private final ModelSchema<T> schema;
    private final Plan plan;
    private final QueryRunner runner;

    /**
     * Plans a query; nothing is sent yet.
     *
     * @param schema the model's schema
     * @param session the session the query runs in
     * @param query what the query asks for
     * @throws InvalidQueryException when the query cannot be served as asked
     */
    public QueryExecution(ModelSchema<T> schema, SessionState session, QuerySpec query) {
        this(schema, session, query, QueryPlanner.plan(schema, session.tableName(schema.type()),
                withTypeCondition(schema, query.conditions()), query.index(), query.order(), query.consistent(),
                schema.withDiscriminator(query.projection()), session.lockVersionName(schema).map(List::of).orElse(List.of()),
                Validations.requiredAttributes(schema, session.config().validator().orElse(null)),
                query.includeExpired() ? null : Instant.now()));
    }

    /**
     * A subclass of a single-table hierarchy reads only its own items and its subclasses': the type
     * condition ({@code type = 'Car'}, or {@code type in (...)} with subclasses) joins the query's,
     * so the planner may make it a key condition of an index on the discriminator, and explain() shows it.
     */
    private static List<Condition> withTypeCondition(ModelSchema<?> schema, List<Condition> conditions) {
        Optional<Condition> type = Conditions.typeCondition(schema);
        if (type.isEmpty()) {
            return conditions;
        }
        List<Condition> all = new ArrayList<>(conditions);
        all.add(type.get());
        return List.copyOf(all);
    }

    private QueryExecution(ModelSchema<T> schema, SessionState session, QuerySpec query, Plan plan) {
        this.query = query;
        this.session = session;
        this.schema = schema;
        this.plan = plan;
        this.runner = new QueryRunner(session.gateway(), session.executor(), schema, plan, query.segments());
        if (schema.partitioned() && !plan.isScan() && plan.index().isEmpty()) {
            throw new InvalidQueryException(schema.modelName() + " is partitioned: its items' hash keys are the records' ids"
                    + " with a copy number, so a query on " + schema.hashKey().fieldName() + " finds none; read the record"
                    + " with byId(...) or byIds(...), or query a global index (docs/partitioning.md). Nothing was sent");
        }
    }

    /** @return how the query would be served */
    public QueryPlan explain() {
        return plan.view(query.segments());
    }

    /** @return the matching records (up to the limit), read a page at a time as they are taken */
    public Iterator<T> records() {
        return records(query.limit(), null);
    }

    /** @return the first matching record, if any */
    public Optional<T> first() {
        // the limit does not change the plan
        Iterator<T> it = new QueryExecution<>(schema, session, query.withLimit(1), plan).records(1, null);
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    /**
     * The last matching record: the first in the opposite order for a Query; for a Scan, or a query
     * with a limit, every record (up to the limit) is read to find it.
     *
     * @return the last record, if any
     */
    public Optional<T> last() {
        if (plan.isScan() || query.limit() > 0) {
            T last = null;
            for (Iterator<T> it = records(); it.hasNext();) {
                last = it.next();
            }
            return Optional.ofNullable(last);
        }
        QuerySpec reversed = query.withOrder(plan.order() == Order.ASC ? Order.DESC : Order.ASC);
        if (query.starts()) {
            // the last record after the start is the query's last record, if any record follows the start
            if (!exists()) {
                return Optional.empty();
            }
            reversed = reversed.startingAfter(null, null);
        }
        return new QueryExecution<>(schema, session, reversed).first();
    }

    /** @return whether any record matches (reads at most one, keys only) */
    public boolean exists() {
        return new QueryExecution<>(schema, session, query.probe(schema.keyNames())).records().hasNext();
    }

    /**
     * Runs an action on every matching record (up to the limit), reading {@code batchSize} items per request.
     *
     * @param batchSize items per request, at least 1
     * @param action the action
     */
    public void findEach(int batchSize, Consumer<? super T> action) {
        int limit = query.limit();
        records(limit > 0 ? Math.min(limit, batchSize) : batchSize, batchSize).forEachRemaining(action);
    }

    /**
     * The table keys of the matching records (up to the limit), read a page at a time with only the
     * key attributes projected, whatever the query's own projection: what a write over the query
     * needs ({@code deleteAll}, {@code updateAll}), in bounded memory. The scan policy applies.
     *
     * @return the keys
     */
    public Iterator<Map<String, AttributeValue>> keys() {
        return new QueryExecution<>(schema, session, query.withProjection(schema.keyNames())).open(query.limit(), null,
                schema::keyOfItem);
    }

    /**
     * @param wanted how many records the consumer will take, if known, or 0
     * @param requestLimit items per request whatever the filters (findEach's batch size), or null
     */
    private Iterator<T> records(int wanted, Integer requestLimit) {
        Iterator<T> records = open(wanted, requestLimit, this::load);
        return query.includes().isEmpty() ? records : new Preloading(records);
    }

    /** The matching items (up to the limit) as {@code as} makes them, after the scan policy allowed the query. */
    private <R> Iterator<R> open(int wanted, Integer requestLimit, Function<Map<String, AttributeValue>, R> as) {
        checkScan(false);
        List<Map<String, AttributeValue>> from = startPositions();
        String table = session.ready(schema);
        Iterator<Map<String, AttributeValue>> items = runner.open(from, wanted, query.scanLimit(), requestLimit);
        if (schema.partitioned()) {
            List<Condition> all = new ArrayList<>(plan.keyConditions());
            all.addAll(plan.filters());
            items = new NewestCopies(session, schema, table, items, all, query.consistent(), query.includeExpired());
        }
        return new Limited<>(items, query.limit(), as);
    }

    /**
     * @return the number of matching records (up to the limit), counted with Select COUNT; when expired
     *     items are dropped after the read (the TTL attribute is a key of the index read), by reading the keys
     */
    public long count() {
        if (plan.expiryAfterRead() || schema.partitioned()) {
            // a partitioned model's copies are counted once a record, by reading them
            long counted = 0;
            for (Iterator<Map<String, AttributeValue>> it = keys(); it.hasNext(); it.next()) {
                counted++;
            }
            return counted;
        }
        checkScan(false);
        List<Map<String, AttributeValue>> from = startPositions();
        session.ready(schema);
        return runner.count(from, query.limit(), query.scanLimit());
    }

    /**
     * @param size the page size
     * @param cursor the cursor the previous page returned, or null for the first page
     * @return the page and the cursor of the next one
     */
    public Page<T> page(int size, String cursor) {
        if (schema.partitioned()) {
            throw new InvalidQueryException(schema.modelName() + " is partitioned: a page's cursor is a position among the"
                    + " items read, and the copies of one record may lie on both sides of it, so a record could come twice;"
                    + " use stream(), findEach(...) or all() with a limit (docs/partitioning.md). Nothing was sent");
        }
        checkScan(true);
        // a bad cursor is refused before any request, table creation included
        List<Map<String, AttributeValue>> decoded = cursor != null && !cursor.isEmpty()
                ? CursorCodec.decode(cursor, plan, schema.modelName(), runner.positionKeys()) : null;
        List<Map<String, AttributeValue>> from = decoded != null ? decoded : startPositions();
        session.ready(schema);
        QueryRunner.Results results = runner.open(from, size + 1, query.scanLimit(), null);
        List<T> items = new ArrayList<>(size);
        while (items.size() < size && results.hasNext()) {
            items.add(load(results.next()));
        }
        Preloader.preload(session, schema, items, query.includes());
        Optional<String> next = results.hasNext() || results.truncated()
                ? Optional.of(CursorCodec.encode(plan, schema.modelName(), results.positions())) : Optional.empty();
        return new Page<>(items, next);
    }

    /** @param paging whether the query reads a page, whose cursor a parallel Scan cannot give */
    private void checkScan(boolean paging) {
        if (!plan.isScan()) {
            return;
        }
        Config config = session.config();
        if (config.errorOnScan() && !query.allowScan()) {
            throw new ScanProhibitedException(schema.modelName() + " query " + query.conditions() + " needs a Scan of table "
                    + plan.table() + " (" + plan.reason() + ") and errorOnScan is on; add an eq condition on a key, declare an"
                    + " index on the field, or call allowScan() on this query");
        }
        if (query.segments() > 1 && (paging || query.starts())) {
            throw new InvalidQueryException(schema.modelName() + ": " + (paging ? "page(...)" : "start(...)") + " on a Scan in "
                    + query.segments() + " parallel segments: a position is one key, not one per segment; drop parallel("
                    + query.segments() + ") to page through the Scan or start after a record");
        }
        if (config.warnOnScan() && !query.allowScan()) {
            LOG.warn("Scan of table {} for {} where {}: {}", plan.table(), schema.modelName(), plan.filters(), plan.reason());
        }
    }

    private List<Map<String, AttributeValue>> startPositions() {
        if (!query.starts()) {
            return null;
        }
        if (schema.partitioned()) {
            throw new InvalidQueryException(schema.modelName() + " is partitioned: start(...) positions the query among the"
                    + " items read, and the copies of one record may lie on both sides of it; use stream() or findEach(...)"
                    + " (docs/partitioning.md). Nothing was sent");
        }
        Model<?> record = query.startRecord();
        if (record == null) {
            Key key = query.startKey();
            Map<String, AttributeValue> tableKey = schema.key(key.hash(), key.range());
            if (plan.index().isEmpty()) {
                return single(tableKey);
            }
            Map<String, AttributeValue> item = GetItemOperation.execute(session.gateway(), session.ready(schema), tableKey,
                    false, schema.modelName() + " " + key).orElseThrow(() -> new RecordNotFoundException("start(" + key
                            + "): no " + schema.modelName() + " has this key, so the query cannot start after it; start after"
                            + " a record instead"));
            return positionsAround(item);
        }
        if (record.getClass() != schema.type()) {
            throw new InvalidQueryException("start(...) takes a " + schema.modelName() + ", not a "
                    + record.getClass().getSimpleName());
        }
        Map<String, AttributeValue> item = new HashMap<>(schema.keyOf(record));
        plan.index().ifPresent(i -> {
            put(item, i.hashKey(), record);
            i.rangeKey().ifPresent(r -> put(item, r, record));
        });
        return positionsAround(item);
    }

    private List<Map<String, AttributeValue>> positionsAround(Map<String, AttributeValue> item) {
        Optional<IndexSchema> index = plan.index();
        if (index.isEmpty() || !index.get().sharded()) {
            Map<String, AttributeValue> p = new HashMap<>();
            for (String k : runner.positionKeys()) {
                AttributeValue v = item.get(k);
                if (v == null) {
                    throw new InvalidQueryException("start(...): the record has no " + k
                            + ", so it is not in " + index.map(IndexSchema::name).orElse("the table") + " and the query cannot"
                            + " start after it");
                }
                p.put(k, v);
            }
            return single(p);
        }
        IndexSchema sharded = index.get();
        String range = sharded.rangeKey().orElseThrow().name();
        if (item.get(range) == null) {
            throw new InvalidQueryException("start(...): the record has no " + range
                    + ", so it is not in " + sharded.name() + " and the query cannot start after it");
        }
        Map<String, AttributeValue> tableKey = new HashMap<>();
        for (String k : schema.keyNames()) {
            tableKey.put(k, item.get(k));
        }
        int shard = schema.shardOf(tableKey, sharded.shards());
        Map<String, AttributeValue> own = new HashMap<>(tableKey);
        own.put(range, item.get(range));
        own.put(sharded.hashKeyName(), AttributeValue.fromN(Integer.toString(shard)));
        return runner.shardStartsAfter(own, shard);
    }

    private static void put(Map<String, AttributeValue> item, AttributeSchema a, Model<?> record) {
        if (a != null) {
            AttributeValue v = a.read(record);
            if (v != null) {
                item.put(a.name(), v);
            }
        }
    }

    private static List<Map<String, AttributeValue>> single(Map<String, AttributeValue> key) {
        List<Map<String, AttributeValue>> one = new ArrayList<>(1);
        one.add(key);
        return one;
    }

    private T load(Map<String, AttributeValue> item) {
        return session.load(schema, item, !query.projection().isEmpty());
    }

    /** Records read ahead in groups of {@link Preloader#GROUP}, each group preloaded before it is handed out. */
    private final class Preloading implements Iterator<T> {

        private final Iterator<T> records;
        private final java.util.ArrayDeque<T> ready = new java.util.ArrayDeque<>();

        Preloading(Iterator<T> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && records.hasNext()) {
                List<T> group = new ArrayList<>(Preloader.GROUP);
                while (group.size() < Preloader.GROUP && records.hasNext()) {
                    group.add(records.next());
                }
                Preloader.preload(session, schema, group, query.includes());
                ready.addAll(group);
            }
            return !ready.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }
    }

    /** The items of an iteration, up to the limit, each as a function makes it. */
    private static final class Limited<R> implements Iterator<R> {

        private final Iterator<Map<String, AttributeValue>> items;
        private final int limit;
        private final Function<Map<String, AttributeValue>, R> as;
        private int given;

        Limited(Iterator<Map<String, AttributeValue>> items, int limit, Function<Map<String, AttributeValue>, R> as) {
            this.items = items;
            this.limit = limit;
            this.as = as;
        }

        @Override
        public boolean hasNext() {
            return (limit == 0 || given < limit) && items.hasNext();
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            given++;
            return as.apply(items.next());
        }
    }
}
