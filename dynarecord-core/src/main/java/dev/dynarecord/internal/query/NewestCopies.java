package dev.dynarecord.internal.query;

import dev.dynarecord.internal.association.InMemoryConditions;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Partitions;
import dev.dynarecord.internal.state.PartitionReads;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.query.Condition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A query or scan of a partitioned model (docs/partitioning.md): the items it reads are copies,
 * several per record, of which only the newest is the record. Each record is given once, the first
 * time one of its copies is read: its newest copy is read by key (every copy, BatchGetItem), and
 * given only if it still meets the query's conditions, so an old copy that matches never stands for
 * a record that no longer does. Copies are taken a group at a time, so that the newest of a group's
 * records are read in shared requests. The records' ids seen are kept for the iteration's life.
 */
final class NewestCopies implements Iterator<Map<String, AttributeValue>> {

    /** Records whose newest copies are read together: up to this many, times the copies, keys a group. */
    static final int GROUP = 25;

    private final SessionState session;
    private final ModelSchema<?> schema;
    private final String table;
    private final Iterator<Map<String, AttributeValue>> copies;
    private final List<Condition> conditions;
    private final boolean consistent;
    private final boolean includeExpired;
    private final Partitions partitions;
    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<Map<String, AttributeValue>> ready = new ArrayDeque<>();

    NewestCopies(SessionState session, ModelSchema<?> schema, String table, Iterator<Map<String, AttributeValue>> copies,
            List<Condition> conditions, boolean consistent, boolean includeExpired) {
        this.session = session;
        this.schema = schema;
        this.table = table;
        this.copies = copies;
        this.conditions = conditions;
        this.consistent = consistent;
        this.includeExpired = includeExpired;
        this.partitions = schema.partitions();
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && copies.hasNext()) {
            Map<String, Map<String, AttributeValue>> group = new LinkedHashMap<>();
            while (group.size() < GROUP && copies.hasNext()) {
                Map<String, AttributeValue> copy = copies.next();
                String id = partitions.recordId(copy);
                if (seen.add(id)) {
                    group.put(id, Map.of(schema.hashKey().name(), AttributeValue.fromS(id)));
                }
            }
            if (group.isEmpty()) {
                continue;
            }
            Map<String, Map<String, AttributeValue>> newest = PartitionReads.newestOfEach(session, schema, table,
                    new ArrayList<>(group.values()), List.of(), consistent, "reading the newest copies of " + group.size()
                            + " " + schema.modelName() + " records a query found");
            for (Map<String, AttributeValue> item : newest.values()) {
                if (holds(item)) {
                    ready.add(item);
                }
            }
        }
        return !ready.isEmpty();
    }

    private boolean holds(Map<String, AttributeValue> item) {
        if (!schema.admits(item) || !includeExpired && schema.expired(item)) {
            return false;
        }
        for (Condition c : conditions) {
            if (!InMemoryConditions.holds(c, item)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Map<String, AttributeValue> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }
}
