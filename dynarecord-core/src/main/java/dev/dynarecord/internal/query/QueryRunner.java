package dev.dynarecord.internal.query;

import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.FanOut;
import dev.dynarecord.query.Order;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs a {@link Plan}: gives out its items lazily from a position, or counts them; a Scan in
 * parallel segments, when asked. One runner per plan; thread-safe (each {@link #open} gives a new,
 * single-consumer iteration).
 */
public final class QueryRunner {

    private final DynamoDbGateway gateway;
    private final Executor executor;
    private final ModelSchema<?> schema;
    private final Plan plan;
    private final int segments;
    private final List<String> positionKeys;
    private final String description;

    /**
     * @param gateway the adapter layer
     * @param executor the session's executor, for the concurrent requests of a sharded index or a parallel Scan
     * @param schema the model's schema
     * @param plan the plan
     * @param segments for a Scan, how many segments to read in parallel (1: serially); ignored for a Query
     */
    public QueryRunner(DynamoDbGateway gateway, Executor executor, ModelSchema<?> schema, Plan plan, int segments) {
        this.gateway = gateway;
        this.executor = executor;
        this.schema = schema;
        this.plan = plan;
        this.segments = plan.isScan() ? segments : 1;
        this.positionKeys = Positions.keys(schema, plan);
        this.description = "querying " + schema.modelName();
    }

    /** @return the attributes of a position: the table key, then the index key */
    public List<String> positionKeys() {
        return positionKeys;
    }

    /**
     * Where every stream resumes after an item of a sharded index: the item's own position in its
     * shard, and in the others the last item the merge would have given out before it.
     *
     * @param item the item (its table key, shard attribute and range value at least)
     * @param recordShard the item's shard
     * @return one position per shard
     */
    public List<Map<String, AttributeValue>> shardStartsAfter(Map<String, AttributeValue> item, int recordShard) {
        return ShardStarts.after(gateway, executor, plan, item, recordShard, positionKeys, description);
    }

    /** @return how many positions a cursor holds: the shard count of a sharded index, else 1 */
    public int streams() {
        return plan.fanOut();
    }

    /**
     * Starts giving out items.
     *
     * @param starts one position per stream (null entries start at the beginning, empty maps are
     *     exhausted), or null to start every stream at the beginning; null for a parallel Scan
     * @param wanted how many items the consumer will take, if known (used as DynamoDB's Limit when
     *     no filter could reject items), or 0
     * @param scanLimit at most this many items evaluated per stream (in all, for a parallel Scan), or 0
     * @param requestLimit DynamoDB's Limit on every request whatever the filters (a batch size), or null
     * @return the items
     */
    public Results open(List<Map<String, AttributeValue>> starts, int wanted, long scanLimit, Integer requestLimit) {
        Integer pageLimit = requestLimit != null ? requestLimit : wanted > 0 && !plan.filtered() ? wanted : null;
        if (segments > 1) {
            // Each segment holds about 1/n of the table: ask each for its share of what the consumer wants.
            Integer share = requestLimit != null || pageLimit == null ? pageLimit
                    : Integer.valueOf((pageLimit + segments - 1) / segments);
            List<PageReader> readers = readers();
            List<PartitionStream> parts = new ArrayList<>(segments);
            for (int s = 0; s < segments; s++) {
                long budget = scanLimitOf(s, scanLimit);
                if (scanLimit == 0 || budget > 0) {
                    parts.add(new PartitionStream(readers.get(s), null, share, budget));
                }
            }
            return new Results(new SegmentMerge(executor, parts), null, null);
        }
        if (Positions.isSharded(plan)) {
            IndexSchema index = plan.index().orElseThrow();
            List<PartitionStream> shards = new ArrayList<>(index.shards());
            List<Map<String, AttributeValue>> from = new ArrayList<>(index.shards());
            // Each shard holds about 1/n of the results: ask each for a share (with slack), not for all of them;
            // a shard that runs out before the consumer is done fetches its next page on demand.
            Integer shardLimit = requestLimit != null ? requestLimit
                    : pageLimit == null ? null : Math.max(16, (int) Math.ceil(pageLimit * 1.5 / index.shards()));
            for (int shard = 0; shard < index.shards(); shard++) {
                Map<String, AttributeValue> start = starts == null ? null : starts.get(shard);
                from.add(start);
                shards.add(start != null && start.isEmpty() ? null
                        : new PartitionStream(reader(shard), start, shardLimit, scanLimit));
            }
            return new Results(new ShardMerge(executor, shards, from, index.rangeKey().orElseThrow().name(), plan.order() == Order.DESC,
                    positionKeys), null, starts == null ? null : starts.get(0));
        }
        Map<String, AttributeValue> start = starts == null ? null : starts.get(0);
        PartitionStream partition = new PartitionStream(reader(-1), start, pageLimit, scanLimit);
        Iterator<Map<String, AttributeValue>> items = partition;
        if (plan.fetchesFromTable()) {
            items = new TableCompletion(items, gateway, plan.table(), schema.keyNames(), completionProjection(),
                    wanted > 0 ? wanted : 100, description + " (completing from the table)");
        }
        return new Results(items, partition, start);
    }

    /**
     * Counts the matching items (Select COUNT: no items are transferred), stopping at a limit.
     *
     * @param starts one position per stream, as {@link #open} takes them, or null to count from the beginning
     * @param limit stop counting at this many, or 0 for all
     * @param scanLimit at most this many items evaluated per stream (in all, for a parallel Scan), or 0
     * @return the count
     */
    public long count(List<Map<String, AttributeValue>> starts, long limit, long scanLimit) {
        List<PageReader> readers = readers();
        AtomicLong total = new AtomicLong();
        List<Runnable> tasks = new ArrayList<>(readers.size());
        for (int s = 0; s < readers.size(); s++) {
            PageReader reader = readers.get(s);
            Map<String, AttributeValue> from = starts == null ? null : starts.get(s);
            long streamLimit = scanLimitOf(s, scanLimit);
            if (from != null && from.isEmpty() || scanLimit > 0 && streamLimit == 0) {
                continue; // an exhausted shard, or a segment with no share of the scan limit
            }
            tasks.add(() -> {
                Map<String, AttributeValue> start = from;
                long budget = streamLimit > 0 ? streamLimit : Long.MAX_VALUE;
                // the other streams may have reached the limit already: then this one sends nothing more
                while (limit <= 0 || total.get() < limit) {
                    Integer pageLimit = budget == Long.MAX_VALUE ? null : (int) Math.min(Integer.MAX_VALUE, budget);
                    ItemPage page = reader.read(start, pageLimit, true);
                    if (budget != Long.MAX_VALUE) {
                        budget -= page.scanned();
                    }
                    total.addAndGet(page.count());
                    start = page.lastKey();
                    if (start == null || budget <= 0) {
                        break;
                    }
                }
            });
        }
        FanOut.runAll(executor, tasks);
        return limit > 0 ? Math.min(limit, total.get()) : total.get();
    }

    /** @return one reader per stream: each shard's of a sharded index, each segment's of a parallel Scan, else the one */
    private List<PageReader> readers() {
        List<PageReader> readers = new ArrayList<>(Math.max(segments, plan.fanOut()));
        if (Positions.isSharded(plan)) {
            for (int shard = 0; shard < plan.fanOut(); shard++) {
                readers.add(reader(shard));
            }
            return readers;
        }
        PageReader whole = reader(-1);
        for (int s = 0; s < segments; s++) {
            readers.add(segments == 1 ? whole : whole.segment(s, segments));
        }
        return readers;
    }

    /** @return a stream's scan limit: a shard's is the whole one, a segment's its share of the total */
    private long scanLimitOf(int stream, long scanLimit) {
        return segments == 1 ? scanLimit : scanLimit / segments + (stream < scanLimit % segments ? 1 : 0);
    }

    private PageReader reader(int shard) {
        Map.Entry<String, AttributeValue> shardCondition = shard < 0 ? null
                : new AbstractMap.SimpleImmutableEntry<>(plan.index().orElseThrow().hashKeyName(),
                        AttributeValue.fromN(Integer.toString(shard)));
        List<String> projection;
        if (plan.fetchesFromTable()) {
            projection = positionKeys;
        } else if (plan.projection().isEmpty()) {
            projection = List.of();
        } else {
            Set<String> p = new LinkedHashSet<>(plan.projection());
            p.addAll(positionKeys);
            projection = List.copyOf(p);
        }
        return new PageReader(gateway, plan, shardCondition, projection,
                description + plan.index().map(i -> " on index " + i.name()).orElse("") + (shard < 0 ? "" : " shard " + shard));
    }

    private List<String> completionProjection() {
        if (plan.projection().isEmpty()) {
            return List.of();
        }
        Set<String> p = new LinkedHashSet<>(plan.projection());
        p.addAll(positionKeys);
        return List.copyOf(p);
    }

    /** The items of one iteration, and where it stands. Single consumer. */
    public final class Results implements Iterator<Map<String, AttributeValue>> {

        private final Iterator<Map<String, AttributeValue>> items;
        private final PartitionStream partition;
        private Map<String, AttributeValue> last;

        Results(Iterator<Map<String, AttributeValue>> items, PartitionStream partition, Map<String, AttributeValue> start) {
            this.items = items;
            this.partition = partition;
            this.last = start;
        }

        /** @return whether the items ran out only because the scan limit did: more may follow {@link #positions()} */
        public boolean truncated() {
            noCursor();
            if (items.hasNext()) {
                return false;
            }
            if (items instanceof ShardMerge merge) {
                return merge.truncated();
            }
            return partition.stoppedAt() != null;
        }

        @Override
        public boolean hasNext() {
            return items.hasNext();
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!items.hasNext()) {
                throw new NoSuchElementException();
            }
            Map<String, AttributeValue> item = items.next();
            last = item;
            return item;
        }

        private void noCursor() {
            if (items instanceof SegmentMerge) {
                throw new IllegalStateException("a parallel Scan has no cursor: it would need a position per segment");
            }
        }

        /** @return one position per stream after the last item given out, as {@link #open} takes them */
        public List<Map<String, AttributeValue>> positions() {
            noCursor();
            if (items instanceof ShardMerge merge) {
                return merge.positions();
            }
            List<Map<String, AttributeValue>> one = new ArrayList<>(1);
            Map<String, AttributeValue> stopped = items.hasNext() ? null : partition.stoppedAt();
            if (stopped != null) {
                // every item read was given out (or filtered out): resume where DynamoDB stopped
                one.add(Positions.keyOf(stopped, positionKeys));
                return one;
            }
            one.add(last == null ? null : Positions.keyOf(last, positionKeys));
            return one;
        }
    }
}
