package dev.dynarecord.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a query will be served, as the planner decided: which operation on which table or
 * index, which conditions are key conditions and which are filters, which attributes are read, and
 * why. {@code toString()} prints it; {@code query.explain()} returns it without sending anything.
 *
 * <pre>{@code
 * System.out.println(User.find.where("email", "x@y.z").explain());
 * // Query on GSI email_index (email) of table users
 * //   key conditions: email = 'x@y.z'
 * //   ...
 * }</pre>
 *
 * @param operation Query or Scan
 * @param table the full table name
 * @param index the name of the index read, if not the table itself
 * @param source what is read, for people: {@code GSI email_index (email) of table users}, or
 *     {@code table users}
 * @param fanOut how many requests serve it concurrently: a Query per shard of a sharded range index,
 *     or the segments of a parallel Scan ({@code query.parallel(n)}); else 1
 * @param keyConditions the conditions sent as the key condition expression
 * @param filters the conditions sent as the filter expression
 * @param projection the attributes read; empty for all of them
 * @param fetchesFromTable whether the records' other attributes are fetched from the table with
 *     BatchGetItem, because the global index does not hold them
 * @param consistent whether reads are strongly consistent
 * @param order the order on the range key
 * @param reason why this table or index was chosen
 * @param warnings what the plan may get wrong, though asked for: an index chosen with {@code useIndex}
 *     that may miss records lacking one of its key attributes (a secondary index holds only the
 *     items that have all of them); empty when the plan returns every matching record
 * @param expiry how items whose TTL has passed are hidden, for a model with {@code @Table(ttl = ...)};
 *     empty when the model has none or the query says {@code includeExpired()}
 */
public record QueryPlan(Operation operation, String table, Optional<String> index, String source, int fanOut,
        List<Condition> keyConditions,
        List<Condition> filters, List<String> projection, boolean fetchesFromTable, boolean consistent, Order order,
        String reason, List<String> warnings, Optional<Expiry> expiry) {

    /** The DynamoDB operation that serves a query. */
    public enum Operation {
        /** A Query: reads one partition (each shard's, for a sharded index) in key order. */
        QUERY,
        /** A Scan: reads the whole table. */
        SCAN
    }

    /**
     * How a query hides the items whose TTL has passed, which DynamoDB deletes only eventually
     * (typically within days). Printed as part of the plan.
     *
     * @param attribute the TTL attribute
     * @param now the moment the query compares with, in epoch seconds (milliseconds as a fraction):
     *     when the query started
     * @param filtered true when sent in the filter expression, {@code attribute_not_exists(#ttl) OR
     *     #ttl > :now}; false when each item is checked after the read instead, because the attribute
     *     is a key of the table or index read, and DynamoDB cannot filter a Query on its key
     */
    public record Expiry(String attribute, BigDecimal now, boolean filtered) {

        /** @return the condition as the filters line shows it */
        public String condition() {
            return "(" + attribute + " not_exists OR " + attribute + " > " + now.toPlainString() + ")";
        }

        @Override
        public String toString() {
            String at = Instant.ofEpochMilli(now.movePointRight(3).longValue()).toString();
            return (filtered ? "hidden by the filter on " + attribute : "dropped after the read when " + attribute + " <= "
                    + now.toPlainString() + " (" + attribute + " is a key of what is read, which DynamoDB cannot filter on)")
                    + ", now = " + at + "; includeExpired() shows them";
        }
    }

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
    public QueryPlan {
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
     * @param source what is read
     * @param fanOut requests sent at once
     * @param keyConditions key conditions
     * @param filters filters
     * @param projection attributes read
     * @param fetchesFromTable whether BatchGetItem completes the records
     * @param consistent consistent reads
     * @param order order
     * @param reason why
     * @param warnings what the plan may miss
     */
    public QueryPlan(Operation operation, String table, Optional<String> index, String source, int fanOut,
            List<Condition> keyConditions, List<Condition> filters, List<String> projection, boolean fetchesFromTable,
            boolean consistent, Order order, String reason, List<String> warnings) {
        this(operation, table, index, source, fanOut, keyConditions, filters, projection, fetchesFromTable, consistent, order,
                reason, warnings, Optional.empty());
    }


    /** @return the index's name, if an index is read */
    public Optional<String> indexName() {
        return index;
    }

    /** @return whether this plan reads the whole table */
    public boolean isScan() {
        return operation == Operation.SCAN;
    }

    /**
     * @return the number of requests sent at once: the shard count for a sharded index, the segment
     *     count of a parallel Scan, else 1
     */
    public int fanOut() {
        return fanOut;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(operation == Operation.QUERY ? "Query" : "Scan").append(" on ");
        out.append(source);
        if (fanOut() > 1 && operation == Operation.QUERY) {
            out.append(", one Query per shard (").append(fanOut()).append(", concurrently), merged in order");
        } else if (fanOut() > 1) {
            out.append(" in ").append(fanOut()).append(" parallel segments, merged in no order");
        }
        out.append(operation == Operation.QUERY ? ", no Scan" : "").append('\n');
        out.append("  key conditions: ").append(list(keyConditions)).append('\n');
        String expiryFilter = expiry.filter(Expiry::filtered).map(Expiry::condition).orElse(null);
        out.append("  filters: ").append(expiryFilter == null ? list(filters)
                : filters.isEmpty() ? expiryFilter : list(filters) + " AND " + expiryFilter).append('\n');
        out.append("  attributes: ").append(projection.isEmpty() ? "all" : projection.stream().map(AttributePath::display).collect(java.util.stream.Collectors.joining(", ")))
                .append(fetchesFromTable ? " (the index lacks some: fetched from the table with BatchGetItem)" : "").append('\n');
        out.append("  read: ").append(consistent ? "strongly consistent" : "eventually consistent");
        if (operation == Operation.QUERY) {
            out.append(", order ").append(order);
        }
        out.append('\n').append("  why: ").append(reason);
        expiry.ifPresent(e -> out.append('\n').append("  expired items: ").append(e));
        for (String warning : warnings) {
            out.append('\n').append("  warning: ").append(warning);
        }
        return out.toString();
    }

    private static String list(List<Condition> conditions) {
        return conditions.isEmpty() ? "none" : conditions.stream().map(Condition::toString).collect(Collectors.joining(" AND "));
    }
}
