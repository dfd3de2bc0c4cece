package dev.dynarecord.internal.association;

import dev.dynarecord.Model;
import dev.dynarecord.internal.dynamo.BatchWriteOperation;
import dev.dynarecord.internal.dynamo.GetItemOperation;
import dev.dynarecord.internal.dynamo.KeyQueryOperation;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TableDefinition;
import dev.dynarecord.internal.state.PartitionReads;
import dev.dynarecord.internal.state.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The requests the association handles make: records by key, deletes in batches, and the items of
 * a has_and_belongs_to_many join table (one per link, keyed by both sides' key texts).
 */
public final class AssociationStore {

    /** The most deletes one BatchWriteItem carries. */
    public static final int BATCH = BatchWriteOperation.MAX_WRITES;

    private AssociationStore() {
    }

    /** @return the record with this key, if its item exists and its TTL, if any, has not passed */
    public static <T extends Model<?>> Optional<T> findByKey(SessionState session, ModelSchema<T> schema,
            Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = schema.partitioned()
                ? PartitionReads.newest(session, schema, session.ready(schema), key, false, schema.modelName() + " " + key.values())
                : GetItemOperation.item(session.gateway(), session.ready(schema), key, false,
                        () -> schema.modelName() + " " + key.values());
        return item == null || schema.expired(item) || !schema.admits(item) ? Optional.empty() : Optional.of(session.load(schema, item));
    }

    /** Writes items with BatchWriteItem, 25 a request. */
    public static void put(SessionState session, String table, List<Map<String, AttributeValue>> items, String what) {
        BatchWriteOperation.put(session.gateway(), table, items, what);
    }

    /** Deletes the items with these keys with BatchWriteItem, 25 a request. */
    public static void delete(SessionState session, String table, List<Map<String, AttributeValue>> keys, String what) {
        BatchWriteOperation.delete(session.gateway(), table, keys, what);
    }

    /** @return how many join items the owner has on its side: a Query with Select COUNT */
    public static long countLinks(SessionState session, String table, AssociationLink link, String own, String what) {
        return new KeyQueryOperation(table, index(link), link.ownSide(), AttributeValue.fromS(own), link.left(), what)
                .count(session.gateway());
    }

    /** @return the key texts of the owner's linked records, in join-table order; at most {@code limit} (0: all) */
    public static List<String> linkedKeys(SessionState session, String table, AssociationLink link, String own, int limit,
            String what) {
        List<String> out = new ArrayList<>();
        new KeyQueryOperation(table, index(link), link.ownSide(), AttributeValue.fromS(own), link.left(), what)
                .forEachPage(session.gateway(), limit, page -> {
                    for (Map<String, AttributeValue> item : page) {
                        out.add(item.get(link.otherSide()).s());
                    }
                });
        return out;
    }

    /** Deletes every join item of the owner on its side, a page at a time. */
    public static void unlinkAll(SessionState session, String table, AssociationLink link, String own, String what) {
        new KeyQueryOperation(table, index(link), link.ownSide(), AttributeValue.fromS(own), false, what + " links")
                .forEachPage(session.gateway(), 0, page -> {
                    List<Map<String, AttributeValue>> keys = new ArrayList<>(page.size());
                    for (Map<String, AttributeValue> item : page) {
                        keys.add(Map.of(TableDefinition.JOIN_LEFT, item.get(TableDefinition.JOIN_LEFT),
                                TableDefinition.JOIN_RIGHT, item.get(TableDefinition.JOIN_RIGHT)));
                    }
                    delete(session, table, keys, what + " unlink");
                });
    }

    private static String index(AssociationLink link) {
        return link.left() ? null : TableDefinition.JOIN_INDEX;
    }
}
