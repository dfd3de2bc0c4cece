package dev.dynarecord.internal.query;

import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TimeToLive;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decides what request serves a query, in one place, without sending anything. In order of
 * preference:
 * <ol>
 * <li>the table's key: an {@code eq} on the hash key, with a key condition on the range key if there is one;</li>
 * <li>a local index: an {@code eq} on the hash key and a key condition on the index's range key;</li>
 * <li>the table's hash key alone;</li>
 * <li>a global index: an {@code eq} on its hash key, with a key condition on its range key if given
 * (more key conditions first, then declaration order), unless a filter needs an attribute the index
 * does not hold, or the index may miss records (see below);</li>
 * <li>a sharded range index: a key condition on its range key (one Query per shard);</li>
 * <li>otherwise a Scan.</li>
 * </ol>
 * Every condition that is not a key condition becomes a filter. {@code useIndex} restricts the
 * choice to one index. Thread-safe (stateless).
 *
 * <p>A secondary index holds only the items that have all its key attributes, so an index is chosen
 * only if it holds every record the query can match: its range key has a key condition (a record
 * without the attribute could not match it), or is an attribute no stored record lacks (a key of the
 * table, {@code createdAt} / {@code updatedAt}, a primitive field, or a field that a presence
 * validation requires). An index that may miss records is passed over, with the reason in the plan;
 * chosen with {@code useIndex}, it is used, and the plan's {@link Plan#warnings() warnings} say
 * which records it may miss.
 */
public final class QueryPlanner {

    private QueryPlanner() {
    }

    /**
     * Plans a query.
     *
     * @param schema the model's schema
     * @param table the full table name
     * @param conditions the conditions, all of which must hold
     * @param useIndex the index to use, or null to choose
     * @param order the order asked for, or null for the default (ascending)
     * @param consistent whether a strongly consistent read was asked for
     * @param projection the attributes to read; empty for all
     * @return the plan
     * @throws InvalidQueryException when the query cannot be served as asked
     */
    public static Plan plan(ModelSchema<?> schema, String table, List<Condition> conditions, String useIndex, Order order,
            boolean consistent, List<String> projection) {
        return plan(schema, table, conditions, useIndex, order, consistent, projection, List.of());
    }

    /**
     * Plans a query whose whole records also need attributes that are not declared fields.
     *
     * @param schema the model's schema
     * @param table the full table name
     * @param conditions the conditions, all of which must hold
     * @param useIndex the index to use, or null to choose
     * @param order the order asked for, or null for the default (ascending)
     * @param consistent whether a strongly consistent read was asked for
     * @param projection the attributes to read; empty for all
     * @param alsoNeeded with an empty projection, attributes needed besides the declared ones (the lock version):
     *     a global index that lacks one is completed from the table
     * @return the plan
     * @throws InvalidQueryException when the query cannot be served as asked
     */
    public static Plan plan(ModelSchema<?> schema, String table, List<Condition> conditions, String useIndex, Order order,
            boolean consistent, List<String> projection, List<String> alsoNeeded) {
        return plan(schema, table, conditions, useIndex, order, consistent, projection, alsoNeeded, List.of());
    }

    /**
     * Plans a query, knowing which attributes every stored record holds because a validation requires them.
     *
     * @param schema the model's schema
     * @param table the full table name
     * @param conditions the conditions, all of which must hold
     * @param useIndex the index to use, or null to choose
     * @param order the order asked for, or null for the default (ascending)
     * @param consistent whether a strongly consistent read was asked for
     * @param projection the attributes to read; empty for all
     * @param alsoNeeded with an empty projection, attributes needed besides the declared ones (the lock version):
     *     a global index that lacks one is completed from the table
     * @param required attributes that no record is saved without (a presence validation requires them), so an
     *     index whose range key is one of them holds every record
     * @return the plan
     * @throws InvalidQueryException when the query cannot be served as asked
     */
    public static Plan plan(ModelSchema<?> schema, String table, List<Condition> conditions, String useIndex, Order order,
            boolean consistent, List<String> projection, List<String> alsoNeeded, List<String> required) {
        return plan(schema, table, conditions, useIndex, order, consistent, projection, alsoNeeded, required, null);
    }

    /**
     * Plans a query that hides the items whose TTL has passed (for a model with a TTL): with a filter
     * {@code attribute_not_exists(#ttl) OR #ttl > :now}, or, when the TTL attribute is a key of the
     * table or index read (which DynamoDB cannot filter a Query on), by checking each item after the
     * read. A global index that does not hold the TTL attribute is passed over, as for any filter.
     *
     * @param schema the model's schema
     * @param table the full table name
     * @param conditions the conditions, all of which must hold
     * @param useIndex the index to use, or null to choose
     * @param order the order asked for, or null for the default (ascending)
     * @param consistent whether a strongly consistent read was asked for
     * @param projection the attributes to read; empty for all
     * @param alsoNeeded attributes needed besides the declared ones (see above)
     * @param required attributes that no record is saved without (see above)
     * @param now the moment to compare TTLs with; null to return expired items too
     * @return the plan
     * @throws InvalidQueryException when the query cannot be served as asked
     */
    public static Plan plan(ModelSchema<?> schema, String table, List<Condition> conditions, String useIndex, Order order,
            boolean consistent, List<String> projection, List<String> alsoNeeded, List<String> required, Instant now) {
        String ttl = now == null ? null : schema.timeToLive().map(TimeToLive::name).orElse(null);
        PlanCache cache = schema.cache(PlanCache.class, PlanCache::new);
        PlanCache.Shape shape = PlanCache.Shape.of(table, conditions, useIndex, order, consistent, projection, alsoNeeded,
                required, ttl);
        PlanCache.Template known = cache.get(shape);
        Plan plan;
        if (known != null) {
            // the shape's checks hold; a key condition's values are checked as a new plan checks them
            plan = known.bind(table, conditions);
            checkKeyValues(schema, plan);
        } else {
            plan = choose(schema, table, conditions, useIndex, order, consistent, projection, alsoNeeded, required, ttl);
            cache.put(shape, PlanCache.Template.of(plan, conditions));
        }
        if (ttl == null) {
            return plan;
        }
        boolean onKey = plan.index().map(i -> i.hashKeyName().equals(ttl)
                || i.rangeKey().map(r -> r.name().equals(ttl)).orElse(false)).orElse(schema.keyNames().contains(ttl));
        return plan.withExpiry(new QueryPlan.Expiry(ttl, TimeToLive.epochSeconds(now), !onKey));
    }

    private static Plan choose(ModelSchema<?> schema, String table, List<Condition> conditions, String useIndex, Order order,
            boolean consistent, List<String> projection, List<String> alsoNeeded, List<String> required, String ttl) {
        List<Candidate> candidates = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Optional<IndexSchema> forced = Optional.empty();
        if (useIndex != null) {
            forced = Optional.of(schema.index(useIndex).orElseThrow(() -> new InvalidQueryException(schema.modelName()
                    + " has no index '" + useIndex + "'; its indexes are "
                    + schema.indexes().stream().map(IndexSchema::name).toList())));
        }
        String hash = schema.hashKey().name();
        Optional<Condition> hashEq = eq(conditions, hash);
        if (forced.isEmpty() && hashEq.isPresent()) {
            Optional<Condition> range = schema.rangeKey().flatMap(r -> rangeCondition(schema, conditions, r.name()));
            candidates.add(new Candidate(null, hashEq.get(), range.orElse(null), range.isPresent() ? 120 : 100,
                    "eq on the table's hash key " + hash + range.map(r -> " and a key condition on its range key " + r.attribute())
                            .orElse(""), null));
        }
        for (IndexSchema index : schema.indexes()) {
            if (forced.isPresent() && forced.get() != index) {
                continue;
            }
            Optional<Condition> range = index.rangeKey().flatMap(r -> rangeCondition(schema, conditions, r.name()));
            String mayMiss = mayMiss(schema, index, range.orElse(null), required);
            if (index.sharded()) {
                if (range.isPresent() || forced.isPresent()) {
                    candidates.add(new Candidate(index, null, range.orElse(null), 10, range.isPresent()
                            ? "a key condition on " + range.get().attribute() + ", the range key of a sharded index, with no hash key"
                            : "useIndex(\"" + index.name() + "\")", mayMiss));
                }
                continue;
            }
            Optional<Condition> indexHash = eq(conditions, index.hashKeyName());
            if (indexHash.isEmpty()) {
                if (forced.isPresent()) {
                    throw new InvalidQueryException("useIndex(\"" + index.name() + "\") needs an eq condition on "
                            + index.hashKeyName() + ", its hash key; add where(\"" + index.hashKeyName() + "\", value)");
                }
                continue;
            }
            if (index.kind() == IndexSchema.Kind.LOCAL) {
                if (range.isPresent() || forced.isPresent()) {
                    candidates.add(new Candidate(index, indexHash.get(), range.orElse(null), range.isPresent() ? 110 : 90,
                            range.isPresent() ? "eq on the hash key " + hash + " and a key condition on "
                                    + range.get().attribute() + ", the range key of local index " + index.name()
                                    : "useIndex(\"" + index.name() + "\")", mayMiss));
                }
                continue;
            }
            List<String> missing = missingFromIndex(schema, index, conditions, indexHash.get(), range.orElse(null), ttl);
            if (!missing.isEmpty()) {
                String why = "global index " + index.name() + " does not hold " + missing + ", which a filter needs"
                        + (missing.contains(ttl) ? " (" + ttl + " hides the items whose TTL has passed; includeExpired()"
                                + " does without it)" : "");
                if (forced.isPresent()) {
                    throw new InvalidQueryException("useIndex(\"" + index.name() + "\"): " + why + "; project them into the index"
                            + " (projection ALL or INCLUDE) or query another way");
                }
                rejected.add(why);
                continue;
            }
            if (mayMiss != null && forced.isEmpty()) {
                rejected.add(mayMiss + ", so it was passed over; useIndex(\"" + index.name() + "\") reads it anyway");
                continue;
            }
            candidates.add(new Candidate(index, indexHash.get(), range.orElse(null), range.isPresent() ? 60 : 50,
                    "eq on " + index.hashKeyName() + ", the hash key of global index " + index.name()
                            + range.map(r -> ", and a key condition on its range key " + r.attribute()).orElse(""), mayMiss));
        }
        Candidate best = null;
        for (Candidate c : candidates) {
            if (best == null || c.score > best.score) {
                best = c;
            }
        }
        if (best == null) {
            if (order != null) {
                throw new InvalidQueryException(schema.modelName() + ": order(" + order + ") needs a Query, but this query"
                        + " has no key condition (" + scanReason(schema, conditions, rejected) + "); a Scan returns items in no order");
            }
            return new Plan(QueryPlan.Operation.SCAN, table, Optional.empty(), List.of(), conditions, projection, false,
                    consistent, Order.ASC, scanReason(schema, conditions, rejected));
        }
        return queryPlan(schema, table, conditions, best, order, consistent, projection, alsoNeeded);
    }

    private static Plan queryPlan(ModelSchema<?> schema, String table, List<Condition> conditions, Candidate best,
            Order order, boolean consistent, List<String> projection, List<String> alsoNeeded) {
        Optional<IndexSchema> index = Optional.ofNullable(best.index);
        if (consistent && index.map(IndexSchema::global).orElse(false)) {
            throw new InvalidQueryException(schema.modelName() + ": consistent() on global index " + best.index.name()
                    + ": DynamoDB reads global indexes only eventually consistently; drop consistent(), or query by the"
                    + " table's key or a local index");
        }
        String rangeName = index.isPresent() ? best.index.rangeKey().map(AttributeSchema::name).orElse(null)
                : schema.rangeKey().map(AttributeSchema::name).orElse(null);
        String hashName = best.hash == null ? null : best.hash.attribute();
        checkSingle(schema, conditions, hashName, rangeName);
        List<Condition> keys = new ArrayList<>();
        if (best.hash != null) {
            keys.add(best.hash);
        }
        if (best.range != null) {
            keys.add(best.range);
        }
        List<Condition> filters = conditions.stream().filter(c -> !keys.contains(c)).toList();
        checkNoKeyFilter(schema, filters, hashName, rangeName);
        String of = index.map(i -> " of " + i.title()).orElse("");
        checkKeyValues(schema, best.hash, "hash key" + of, ModelSchema.MAX_HASH_KEY_BYTES);
        checkKeyValues(schema, best.range, "range key" + of, ModelSchema.MAX_RANGE_KEY_BYTES);
        boolean fetch = index.map(i -> i.global() && !holdsAll(schema, i, projection, alsoNeeded)).orElse(false);
        return new Plan(QueryPlan.Operation.QUERY, table, index, keys, filters, projection, fetch, consistent,
                order == null ? Order.ASC : order, best.reason, best.mayMiss == null ? List.of() : List.of(best.mayMiss));
    }

    private static void checkSingle(ModelSchema<?> schema, List<Condition> conditions, String hashName, String rangeName) {
        if (hashName != null) {
            List<Condition> onHash = conditions.stream().filter(c -> c.attribute().equals(hashName) && c.operator() == Operator.EQ)
                    .toList();
            if (onHash.size() > 1) {
                throw new InvalidQueryException(schema.modelName() + ": two eq conditions on the hash key " + hashName + " ("
                        + onHash.stream().map(Condition::toString).collect(Collectors.joining(", "))
                        + "); a Query reads one partition, so keep one (or use in(...) as a filter on another field)");
            }
        }
        if (rangeName != null) {
            List<Condition> onRange = conditions.stream()
                    .filter(c -> c.attribute().equals(rangeName) && c.operator().rangeKeyCondition()).toList();
            if (onRange.size() > 1) {
                throw new InvalidQueryException(schema.modelName() + ": two range conditions on the range key " + rangeName
                        + " (" + onRange.stream().map(Condition::toString).collect(Collectors.joining(", "))
                        + "); DynamoDB takes one key condition per key: combine them, e.g. where(\"" + rangeName
                        + "\").between(low, high)");
            }
        }
    }

    /** DynamoDB refuses a Query whose filter names a key attribute of the table or index it reads. */
    private static void checkNoKeyFilter(ModelSchema<?> schema, List<Condition> filters, String hashName, String rangeName) {
        for (Condition f : filters) {
            if (f.attribute().equals(hashName) || f.attribute().equals(rangeName)) {
                throw new InvalidQueryException(schema.modelName() + ": " + f + " is on the key attribute " + f.attribute()
                        + " of the Query, and DynamoDB cannot filter a Query on its key; express it as the one key"
                        + " condition on " + f.attribute() + " (eq" + (f.attribute().equals(rangeName)
                                ? ", lt, lte, gt, gte, between or begins_with" : "") + "), or run one query per value");
            }
        }
    }

    /** The key values of a plan made from the cache, checked as {@link #queryPlan} checks them. */
    private static void checkKeyValues(ModelSchema<?> schema, Plan plan) {
        if (plan.isScan()) {
            return;
        }
        String hashName = plan.index().map(IndexSchema::hashKeyName).orElse(schema.hashKey().name());
        String of = plan.index().map(i -> " of " + i.title()).orElse("");
        for (Condition c : plan.keyConditions()) {
            boolean hash = c.attribute().equals(hashName) && !plan.index().map(IndexSchema::sharded).orElse(false);
            checkKeyValues(schema, c, (hash ? "hash key" : "range key") + of,
                    hash ? ModelSchema.MAX_HASH_KEY_BYTES : ModelSchema.MAX_RANGE_KEY_BYTES);
        }
    }

    /** DynamoDB refuses a key condition with an empty string or binary, or a value longer than the key may be, as byId does. */
    private static void checkKeyValues(ModelSchema<?> schema, Condition condition, String role, int maxBytes) {
        if (condition == null) {
            return;
        }
        AttributeSchema key = schema.attribute(condition.attribute()).orElseThrow();
        for (AttributeValue value : condition.attributeValues()) {
            try {
                schema.checkKeyValue(key, role, value, maxBytes, ": no stored record has one, so drop the condition or"
                        + " compare with a value that is not empty");
            } catch (InvalidKeyException e) {
                throw new InvalidQueryException(schema.modelName() + ": where(" + condition + ") is a key condition of the"
                        + " Query: " + e.getMessage(), e);
            }
        }
    }

    private static Optional<Condition> eq(List<Condition> conditions, String attribute) {
        return conditions.stream().filter(c -> c.attribute().equals(attribute) && c.operator() == Operator.EQ).findFirst();
    }

    private static Optional<Condition> rangeCondition(ModelSchema<?> schema, List<Condition> conditions, String attribute) {
        return conditions.stream().filter(c -> c.attribute().equals(attribute) && c.operator().rangeKeyCondition()).findFirst();
    }

    /**
     * Why an index may not hold every record the query matches, or null when it does. An index holds
     * only the items that have all its key attributes. Its hash key is no concern: a global index is
     * read with an eq on it, a local index's is the table's, a sharded index's shard number is written
     * with its range key. Nor is its range key when the query has a key condition on it (a record
     * without the attribute could not match), or when no stored record lacks it.
     */
    private static String mayMiss(ModelSchema<?> schema, IndexSchema index, Condition range, List<String> required) {
        if (range != null || index.rangeKey().isEmpty() || alwaysStored(schema, index.rangeKey().get(), required)) {
            return null;
        }
        String attribute = index.rangeKey().get().name();
        return index.title() + " may miss records lacking " + attribute + " (it holds only the items that have its range key "
                + attribute + ", and the query has no key condition on it)";
    }

    /**
     * Whether every record saved holds the attribute: a key of the table, a magic timestamp (set on
     * create, kept on update), a primitive field (never null, so always written), or a field that a
     * presence validation requires.
     */
    private static boolean alwaysStored(ModelSchema<?> schema, AttributeSchema attribute, List<String> required) {
        return schema.keyNames().contains(attribute.name()) || schema.createdAt().filter(attribute::equals).isPresent()
                || schema.updatedAt().filter(attribute::equals).isPresent() || attribute.isPrimitive()
                || required.contains(attribute.name());
    }

    /** The attributes a filter needs that a global index lacks: the conditions', and the TTL attribute when it is checked. */
    private static List<String> missingFromIndex(ModelSchema<?> schema, IndexSchema index, List<Condition> conditions,
            Condition hash, Condition range, String ttl) {
        List<String> tableKeys = schema.keyNames();
        Stream<String> filtered = conditions.stream().filter(c -> c != hash && c != range).map(Condition::attribute);
        return (ttl == null ? filtered : Stream.concat(filtered, Stream.of(ttl)))
                .filter(a -> !index.projects(a, tableKeys)).distinct().toList();
    }

    private static boolean holdsAll(ModelSchema<?> schema, IndexSchema index, List<String> projection, List<String> alsoNeeded) {
        List<String> tableKeys = schema.keyNames();
        List<String> needed = projection.isEmpty() ? Stream.concat(schema.attributes().stream()
                .map(AttributeSchema::name), alsoNeeded.stream()).toList() : projection;
        return needed.stream().allMatch(a -> index.projects(a, tableKeys));
    }

    private static String scanReason(ModelSchema<?> schema, List<Condition> conditions, List<String> rejected) {
        StringBuilder why = new StringBuilder("no eq condition on the table's hash key " + schema.hashKey().name());
        // An index with an eq on its hash key was passed over for a reason of its own, in rejected.
        List<String> hashes = schema.indexes().stream().filter(i -> i.global() && !i.sharded())
                .filter(i -> eq(conditions, i.hashKeyName()).isEmpty())
                .map(i -> i.hashKeyName() + " (" + i.name() + ")").toList();
        if (!hashes.isEmpty()) {
            why.append(" or on a global index's hash key ").append(String.join(", ", hashes));
        }
        List<String> ranges = schema.indexes().stream().filter(IndexSchema::sharded)
                .map(i -> i.rangeKey().orElseThrow().name() + " (" + i.name() + ")").toList();
        if (!ranges.isEmpty()) {
            why.append(", and no key condition on a sharded index's range key ").append(String.join(", ", ranges));
        }
        for (String r : rejected) {
            why.append("; ").append(r);
        }
        return why.toString();
    }

    /** @param mayMiss why the index may miss records the query matches, or null */
    private record Candidate(IndexSchema index, Condition hash, Condition range, int score, String reason, String mayMiss) {
    }
}
