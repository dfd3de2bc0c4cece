package dev.dynarecord.internal.query;

import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan.Operation;
import dev.dynarecord.query.QueryPlan;
import java.util.List;
import java.util.Optional;

/**
 * A query plan as the engine runs it: the public {@link QueryPlan} with the index itself rather
 * than its name.
 *
 * @param index the index read, or empty for the table
 * @param expiry how items whose TTL has passed are hidden, or empty
 */
public record Plan(Operation operation, String table, Optional<IndexSchema> index, List<Condition> keyConditions,
        List<Condition> filters, List<String> projection, boolean fetchesFromTable, boolean consistent, Order order,
        String reason, List<String> warnings, Optional<QueryPlan.Expiry> expiry) {

    /**
     * @param operation Query or Scan
     * @param table the full table name
     * @param index the index read
     * @param keyConditions key conditions
     * @param filters filters
     * @param projection attributes read
     * @param fetchesFromTable whether BatchGetItem completes the records
     * @param consistent consistent reads
     * @param order order
     * @param reason why
     * @param warnings what the plan may miss
     * @param expiry how expired items are hidden
     */
    public Plan {
        keyConditions = List.copyOf(keyConditions);
        filters = List.copyOf(filters);
        projection = List.copyOf(projection);
        warnings = List.copyOf(warnings);
    }

    /**
     * A plan that hides no expired items.
     *
     * @param operation Query or Scan
     * @param table the full table name
     * @param index the index read
     * @param keyConditions key conditions
     * @param filters filters
     * @param projection attributes read
     * @param fetchesFromTable whether BatchGetItem completes the records
     * @param consistent consistent reads
     * @param order order
     * @param reason why
     * @param warnings what the plan may miss
     */
    public Plan(Operation operation, String table, Optional<IndexSchema> index, List<Condition> keyConditions,
            List<Condition> filters, List<String> projection, boolean fetchesFromTable, boolean consistent, Order order,
            String reason, List<String> warnings) {
        this(operation, table, index, keyConditions, filters, projection, fetchesFromTable, consistent, order, reason, warnings,
                Optional.empty());
    }

    /**
     * A plan with no warnings.
     *
     * @param operation Query or Scan
     * @param table the full table name
     * @param index the index read
     * @param keyConditions key conditions
     * @param filters filters
     * @param projection attributes read
     * @param fetchesFromTable whether BatchGetItem completes the records
     * @param consistent consistent reads
     * @param order order
     * @param reason why
     */
    public Plan(Operation operation, String table, Optional<IndexSchema> index, List<Condition> keyConditions,
            List<Condition> filters, List<String> projection, boolean fetchesFromTable, boolean consistent, Order order,
            String reason) {
        this(operation, table, index, keyConditions, filters, projection, fetchesFromTable, consistent, order, reason, List.of());
    }

    /** @param check how expired items are hidden @return this plan with it */
    Plan withExpiry(QueryPlan.Expiry check) {
        return new Plan(operation, table, index, keyConditions, filters, projection, fetchesFromTable, consistent, order, reason,
                warnings, Optional.of(check));
    }

    /** @return whether DynamoDB or the reader may drop items read: the plan has filters, or hides expired items */
    public boolean filtered() {
        return !filters.isEmpty() || expiry.isPresent();
    }

    /** @return whether expired items are checked after the read rather than by the filter expression */
    public boolean expiryAfterRead() {
        return expiry.isPresent() && !expiry.get().filtered();
    }

    /** @return the index's name, if an index is read */
    public Optional<String> indexName() {
        return index.map(IndexSchema::name);
    }

    /** @return whether this plan reads the whole table */
    public boolean isScan() {
        return operation == Operation.SCAN;
    }

    /** @return the number of Queries sent at once: the shard count for a sharded index, else 1 */
    public int fanOut() {
        return index.filter(IndexSchema::sharded).map(IndexSchema::shards).orElse(1);
    }

    /** @return what {@code explain()} shows of this plan: names and text, no schema objects */
    public QueryPlan view() {
        return view(1);
    }

    /**
     * @param segments the parallel Scan segments the query asks for (1: a serial Scan)
     * @return what {@code explain()} shows of this plan: a Scan in that many segments; a Query with a
     *     reason that says they are ignored, when more than one is asked for
     */
    public QueryPlan view(int segments) {
        String why = isScan() || segments <= 1 ? reason : reason + "; parallel(" + segments + ") is ignored: a Query reads"
                + " one partition" + (fanOut() > 1 ? " per shard" : "") + ", and only a Scan is split into segments";
        return new QueryPlan(operation, table, indexName(), index.map(i -> i.describe() + " of table " + table)
                .orElse("table " + table), isScan() ? segments : fanOut(), keyConditions, filters, projection, fetchesFromTable,
                consistent, order, why, warnings, expiry);
    }

    @Override
    public String toString() {
        return view().toString();
    }
}
