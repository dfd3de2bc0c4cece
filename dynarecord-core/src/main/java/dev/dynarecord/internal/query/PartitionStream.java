package dev.dynarecord.internal.query;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of one Query (or Scan), fetched a page at a time only when the consumer reaches the
 * end of the previous one. Not thread-safe; one consumer.
 */
final class PartitionStream implements Iterator<Map<String, AttributeValue>> {

    private final PageReader reader;
    private final Integer pageLimit;
    private final ArrayDeque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
    private Map<String, AttributeValue> nextStart;
    private long scanBudget;
    private boolean done;

    /**
     * @param reader sends the requests
     * @param start the exclusive start key, or null for the beginning
     * @param pageLimit DynamoDB's Limit per request, or null for full pages
     * @param scanLimit at most this many items evaluated in all, or 0 for no limit
     */
    PartitionStream(PageReader reader, Map<String, AttributeValue> start, Integer pageLimit, long scanLimit) {
        this.reader = reader;
        this.nextStart = start;
        this.pageLimit = pageLimit;
        this.scanBudget = scanLimit > 0 ? scanLimit : Long.MAX_VALUE;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !done) {
            fetch();
        }
        return !buffer.isEmpty();
    }

    /** @return the next item without consuming it; the stream must have one */
    Map<String, AttributeValue> peek() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.peekFirst();
    }

    @Override
    public Map<String, AttributeValue> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.pollFirst();
    }

    /**
     * @return where the stream stopped because its scan limit ran out (DynamoDB's LastEvaluatedKey) although
     *     more items may follow, once every buffered item was given out; else null
     */
    Map<String, AttributeValue> stoppedAt() {
        return done && buffer.isEmpty() ? nextStart : null;
    }

    /** @return whether items are buffered: taking one sends nothing */
    boolean buffered() {
        return !buffer.isEmpty();
    }

    /** @return whether every item was read and given out */
    boolean exhausted() {
        return done && buffer.isEmpty();
    }

    /** Reads the next page into the buffer, if there is one, even when it holds no item (all filtered out). */
    void readPage() {
        if (!done) {
            fetch();
        }
    }

    private void fetch() {
        Integer limit = pageLimit;
        if (scanBudget != Long.MAX_VALUE) {
            limit = (int) Math.min(limit == null ? Integer.MAX_VALUE : limit, scanBudget);
        }
        ItemPage page = reader.read(nextStart, limit, false);
        buffer.addAll(page.items());
        if (scanBudget != Long.MAX_VALUE) {
            scanBudget -= page.scanned();
        }
        nextStart = page.lastKey();
        done = nextStart == null || scanBudget <= 0;
    }
}
