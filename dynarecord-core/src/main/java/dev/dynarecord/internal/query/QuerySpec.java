package dev.dynarecord.internal.query;

import dev.dynarecord.Key;
import dev.dynarecord.Model;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Order;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link dev.dynarecord.Query} asks for: the conditions and options the user chained. The
 * query holds one and hands it to {@link QueryExecution}, which plans and runs it. Immutable: each
 * {@code with} method returns a new spec. The values are checked by the query before they get here.
 *
 * @param conditions the conditions, all of which must hold
 * @param limit at most this many records (0: no limit)
 * @param scanLimit at most this many items read (0: no limit)
 * @param startRecord start after this record, or null
 * @param startKey start after the record with this key, or null
 * @param projection the attributes to read (empty: all)
 * @param order the order asked for, or null for the default
 * @param consistent whether strongly consistent reads were asked for
 * @param index the index to read, or null to let the planner choose
 * @param allowScan whether the user allowed a Scan
 * @param includes the associations to preload
 * @param segments how many segments a Scan is read in, in parallel (1: a serial Scan)
 * @param includeExpired whether items whose TTL has passed are returned (for models with a TTL)
 */
public record QuerySpec(List<Condition> conditions, int limit, long scanLimit, Model<?> startRecord, Key startKey,
        List<String> projection, Order order, boolean consistent, String index, boolean allowScan, List<String> includes,
        int segments, boolean includeExpired) {

    /** The most segments a parallel Scan can have: DynamoDB's largest {@code TotalSegments}. */
    public static final int MAX_SEGMENTS = 1_000_000;

    /** No conditions and no options: every record. */
    public static final QuerySpec ALL = new QuerySpec(List.of(), 0, 0, null, null, List.of(), null, false, null, false,
            List.of(), 1, false);

    /** @return whether the query starts after a record or a key */
    public boolean starts() {
        return startRecord != null || startKey != null;
    }

    /** @param condition a checked condition @return the spec with the condition added */
    public QuerySpec where(Condition condition) {
        // one copy, already immutable (List.copyOf of it copies nothing)
        Condition[] more = conditions.toArray(new Condition[conditions.size() + 1]);
        more[conditions.size()] = condition;
        return new QuerySpec(List.of(more), limit, scanLimit, startRecord, startKey, projection, order, consistent,
                index, allowScan, includes, segments, includeExpired);
    }

    /** @param records at most this many records @return the spec with this limit */
    public QuerySpec withLimit(int records) {
        return new QuerySpec(conditions, records, scanLimit, startRecord, startKey, projection, order, consistent, index,
                allowScan, includes, segments, includeExpired);
    }

    /** @param items at most this many items read @return the spec with this scan limit */
    public QuerySpec withScanLimit(long items) {
        return new QuerySpec(conditions, limit, items, startRecord, startKey, projection, order, consistent, index,
                allowScan, includes, segments, includeExpired);
    }

    /**
     * @param record the record to start after, or null
     * @param key the key to start after, or null
     * @return the spec with this start: one of the two, or neither to start at the beginning
     */
    public QuerySpec startingAfter(Model<?> record, Key key) {
        return new QuerySpec(conditions, limit, scanLimit, record, key, projection, order, consistent, index, allowScan,
                includes, segments, includeExpired);
    }

    /** @param attributes the attributes to read @return the spec with this projection */
    public QuerySpec withProjection(List<String> attributes) {
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, List.copyOf(attributes), order,
                consistent, index, allowScan, includes, segments, includeExpired);
    }

    /** @param direction the order @return the spec with this order */
    public QuerySpec withOrder(Order direction) {
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, projection, direction, consistent,
                index, allowScan, includes, segments, includeExpired);
    }

    /** @return the spec with strongly consistent reads */
    public QuerySpec withConsistentReads() {
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, projection, order, true, index,
                allowScan, includes, segments, includeExpired);
    }

    /** @param name the index to read @return the spec that reads this index */
    public QuerySpec withIndex(String name) {
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, projection, order, consistent, name,
                allowScan, includes, segments, includeExpired);
    }

    /** @return the spec that may Scan whatever the scan policy */
    public QuerySpec withScanAllowed() {
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, projection, order, consistent, index,
                true, includes, segments, includeExpired);
    }

    /** @param associations association names @return the spec that also preloads these, each once */
    public QuerySpec withIncludes(String... associations) {
        List<String> more = new ArrayList<>(includes);
        for (String name : associations) {
            if (!more.contains(name)) {
                more.add(name);
            }
        }
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, projection, order, consistent, index,
                allowScan, List.copyOf(more), segments, includeExpired);
    }

    /** @param count how many segments to Scan in parallel (1: serially) @return the spec with this many segments */
    public QuerySpec withSegments(int count) {
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, projection, order, consistent, index,
                allowScan, includes, count, includeExpired);
    }

    /** @return the spec that also returns items whose TTL has passed */
    public QuerySpec withExpiredIncluded() {
        return new QuerySpec(conditions, limit, scanLimit, startRecord, startKey, projection, order, consistent, index,
                allowScan, includes, segments, true);
    }

    /** @param keys the key attributes @return the spec that tells whether any record matches: one, keys only */
    QuerySpec probe(List<String> keys) {
        return new QuerySpec(conditions, 1, scanLimit, startRecord, startKey, keys, order, consistent, index, allowScan,
                List.of(), segments, includeExpired);
    }

    /** @return the conditions and the options set, as the query's own text shows them */
    @Override
    public String toString() {
        return conditions + (limit > 0 ? " limit " + limit : "") + (order != null ? " order " + order : "")
                + (index != null ? " index " + index : "") + (consistent ? " consistent" : "")
                + (projection.isEmpty() ? "" : " project " + projection) + (includes.isEmpty() ? "" : " includes " + includes)
                + (segments > 1 ? " parallel " + segments : "") + (includeExpired ? " includeExpired" : "");
    }
}
