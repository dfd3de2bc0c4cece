package dev.dynarecord.internal.query;

import dev.dynarecord.internal.condition.AttributeOrder;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.state.FanOut;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where each shard of a sharded index resumes after a record, exactly, ties included. The merge
 * puts ties on the range value in shard order (reversed under DESC), so in shard {@code s} the
 * items before the record are, in ascending order, those with a range value below it, and those
 * equal to it when {@code s} comes before the record's shard. One probe Query per shard (Limit 1,
 * concurrently) finds the last such item: a real item, so a valid ExclusiveStartKey.
 */
final class ShardStarts {

    private ShardStarts() {
    }

    static List<Map<String, AttributeValue>> after(DynamoDbGateway gateway, Executor executor, Plan plan,
            Map<String, AttributeValue> item, int recordShard, List<String> positionKeys, String description) {
        IndexSchema index = plan.index().orElseThrow();
        String range = index.rangeKey().orElseThrow().name();
        AttributeValue v = item.get(range);
        boolean descending = plan.order() == Order.DESC;
        Optional<Condition> userRange = plan.keyConditions().stream().filter(c -> c.attribute().equals(range)).findFirst();
        List<Map<String, AttributeValue>> starts = new ArrayList<>(index.shards());
        List<Runnable> probes = new ArrayList<>();
        for (int s = 0; s < index.shards(); s++) {
            starts.add(null);
            if (s == recordShard) {
                starts.set(s, Positions.keyOf(item, positionKeys));
                continue;
            }
            // ASC: ties come first in earlier shards (so they were already given out there); DESC: in later shards.
            boolean tiesBefore = descending ? s > recordShard : s < recordShard;
            Operator op = descending ? (tiesBefore ? Operator.GTE : Operator.GT) : (tiesBefore ? Operator.LTE : Operator.LT);
            Plan probe = new Plan(QueryPlan.Operation.QUERY, plan.table(), plan.index(),
                    List.of(new Condition(range, range, op, List.of(v.toString()), List.of(v))), List.of(), positionKeys, false,
                    false, descending ? Order.ASC : Order.DESC, "start position of shard " + s);
            PageReader reader = new PageReader(gateway, probe,
                    new AbstractMap.SimpleImmutableEntry<>(index.hashKeyName(), AttributeValue.fromN(Integer.toString(s))),
                    positionKeys, description + " (start position, shard " + s + ")");
            int shard = s;
            probes.add(() -> {
                List<Map<String, AttributeValue>> found = reader.read(null, 1, false).items();
                if (!found.isEmpty() && userRange.map(c -> holds(c, found.get(0).get(range))).orElse(true)) {
                    starts.set(shard, Positions.keyOf(found.get(0), positionKeys));
                }
            });
        }
        FanOut.runAll(executor, probes);
        return starts;
    }

    /** Whether a range value satisfies the query's own key condition on it (else the shard starts at the beginning). */
    static boolean holds(Condition c, AttributeValue x) {
        List<AttributeValue> v = c.attributeValues();
        AttributeOrder order = AttributeOrder.INSTANCE;
        return switch (c.operator()) {
            case EQ -> order.compare(x, v.get(0)) == 0;
            case GT -> order.compare(x, v.get(0)) > 0;
            case GTE -> order.compare(x, v.get(0)) >= 0;
            case LT -> order.compare(x, v.get(0)) < 0;
            case LTE -> order.compare(x, v.get(0)) <= 0;
            case BETWEEN -> order.compare(x, v.get(0)) >= 0 && order.compare(x, v.get(1)) <= 0;
            case BEGINS_WITH -> x.s() != null ? x.s().startsWith(v.get(0).s())
                    : startsWith(x.b().asByteArray(), v.get(0).b().asByteArray());
            default -> true;
        };
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        if (prefix.length > value.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (value[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
