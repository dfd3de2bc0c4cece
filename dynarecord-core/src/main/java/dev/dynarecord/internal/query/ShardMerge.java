package dev.dynarecord.internal.query;

import dev.dynarecord.internal.condition.AttributeOrder;
import dev.dynarecord.internal.state.FanOut;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merges the shards of a sharded range index into one stream in range-key order (ties in shard
 * order). The first page of every shard is fetched concurrently; later pages when a shard's
 * buffer runs out. Remembers, per shard, the key of the last item it gave out: the cursor.
 */
final class ShardMerge implements Iterator<Map<String, AttributeValue>> {

    private final Executor executor;
    private final List<PartitionStream> shards;
    private final List<Map<String, AttributeValue>> positions;
    private final List<String> positionKeys;
    private final PriorityQueue<Integer> queue;
    private boolean started;
    /** The shard that gave out the last item and may need its next page before it can rejoin the queue, or -1. */
    private int refill = -1;

    /**
     * @param executor where the first pages are fetched concurrently
     * @param shards one stream per shard; null for a shard already exhausted
     * @param starts where each shard starts (a key, null for the beginning, empty when exhausted)
     * @param rangeAttribute the index's range key
     * @param descending whether the order is descending
     * @param positionKeys the attributes of an item's position
     */
    ShardMerge(Executor executor, List<PartitionStream> shards, List<Map<String, AttributeValue>> starts, String rangeAttribute, boolean descending,
            List<String> positionKeys) {
        this.executor = executor;
        this.shards = shards;
        this.positions = new ArrayList<>(starts);
        this.positionKeys = positionKeys;
        Comparator<Integer> byRange = Comparator.comparing(i -> shards.get(i).peek().get(rangeAttribute), AttributeOrder.INSTANCE);
        // descending is the exact reverse of ascending: ties in reverse shard order
        Comparator<Integer> ascending = byRange.thenComparing(Comparator.naturalOrder());
        this.queue = new PriorityQueue<>(descending ? ascending.reversed() : ascending);
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        List<Runnable> firstPages = new ArrayList<>();
        for (PartitionStream s : shards) {
            if (s != null) {
                firstPages.add(s::hasNext);
            }
        }
        FanOut.runAll(executor, firstPages);
        for (int i = 0; i < shards.size(); i++) {
            if (shards.get(i) != null && shards.get(i).hasNext()) {
                queue.add(i);
            } else if (shards.get(i) != null) {
                positions.set(i, end(shards.get(i)));
            } else {
                positions.set(i, Map.of());
            }
        }
    }

    @Override
    public boolean hasNext() {
        start();
        if (refill >= 0) {
            // only now, when the consumer asks for more, may the shard fetch its next page
            int shard = refill;
            refill = -1;
            if (shards.get(shard).hasNext()) {
                queue.add(shard);
            } else {
                positions.set(shard, end(shards.get(shard)));
            }
        }
        return !queue.isEmpty();
    }

    @Override
    public Map<String, AttributeValue> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int shard = queue.poll();
        PartitionStream s = shards.get(shard);
        Map<String, AttributeValue> item = s.next();
        positions.set(shard, Positions.keyOf(item, positionKeys));
        refill = shard;
        return item;
    }

    /** @return where a shard without more items stands: exhausted (empty), or where its scan limit stopped it */
    private static Map<String, AttributeValue> end(PartitionStream shard) {
        Map<String, AttributeValue> stopped = shard.stoppedAt();
        return stopped == null ? Map.of() : stopped;
    }

    /** @return whether a shard stopped at its scan limit although more items may follow */
    boolean truncated() {
        for (Map<String, AttributeValue> p : positions) {
            if (p != null && !p.isEmpty() && queue.isEmpty() && refill < 0) {
                return true;
            }
        }
        return false;
    }

    /** @return per shard: the key of the last item given out, null if none yet, empty when exhausted */
    List<Map<String, AttributeValue>> positions() {
        return new ArrayList<>(positions);
    }
}
