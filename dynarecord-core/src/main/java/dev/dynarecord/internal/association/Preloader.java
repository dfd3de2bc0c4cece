package dev.dynarecord.internal.association;

import dev.dynarecord.Association;
import dev.dynarecord.BelongsTo;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.Model;
import dev.dynarecord.internal.dynamo.BatchGetOperation;
import dev.dynarecord.internal.schema.AssociationSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.FanOut;
import dev.dynarecord.internal.state.PartitionReads;
import dev.dynarecord.internal.state.SessionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads the associations a query {@code includes} for a group of its records with a bounded number
 * of requests: owners of belongs_to and records of has_and_belongs_to_many through BatchGetItem
 * (each distinct record once, 100 keys a request); children of has_many and has_one, and the links
 * of has_and_belongs_to_many, through Queries run concurrently.
 */
public final class Preloader {

    /** How many records are preloaded together when a query is iterated. */
    public static final int GROUP = 100;
    /** The most Queries in flight at once for one preload. */
    static final int CONCURRENCY = 16;

    private Preloader() {
    }

    public static <T extends Model<?>> void preload(SessionState session, ModelSchema<T> schema, List<T> records, List<String> names) {
        if (records.isEmpty() || names.isEmpty()) {
            return;
        }
        for (String name : names) {
            AssociationSchema a = schema.association(name).orElseThrow();
            switch (a.kind()) {
                case BELONGS_TO -> owners(session, schema, records, a);
                case HAS_MANY, HAS_ONE -> concurrently(session, records.stream().filter(r -> r.id() != null)
                        .map(r -> (Runnable) () -> Handles.get().preload((Association<?>) a.of(r))).toList());
                case HAS_AND_BELONGS_TO_MANY -> links(session, records, a);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends Model<?>> void owners(SessionState session, ModelSchema<T> schema, List<T> records, AssociationSchema a) {
        AssociationLink link = AssociationLink.of(schema, a);
        ModelSchema target = link.target();
        Map<Object, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        for (T record : records) {
            Object fk = link.foreignKey().get(record);
            if (fk != null) {
                keys.computeIfAbsent(fk, k -> AssociationKeys.keyOf(target, k));
            }
        }
        Map<Map<String, AttributeValue>, Model> byKey = new HashMap<>();
        if (!keys.isEmpty()) {
            List<Map<String, AttributeValue>> items = read(session, target, new ArrayList<>(new LinkedHashSet<>(keys.values())),
                    schema.modelName() + "." + a.name());
            for (Map<String, AttributeValue> item : items) {
                if (target.expired(item) || !target.admits(item)) {
                    continue; // an owner whose TTL has passed is absent, as belongsTo's get() finds it
                }
                Model owner = session.load(target, item);
                byKey.put(target.keyOf(owner), owner);
            }
        }
        for (T record : records) {
            Object fk = link.foreignKey().get(record);
            BelongsTo belongsTo = (BelongsTo) a.of(record);
            Handles.get().remember(belongsTo, fk == null ? null : byKey.get(keys.get(fk)), fk);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends Model<?>> void links(SessionState session, List<T> records, AssociationSchema a) {
        List<HasAndBelongsToMany> associations = new ArrayList<>();
        for (T record : records) {
            if (record.id() != null) {
                associations.add((HasAndBelongsToMany) a.of(record));
            }
        }
        if (associations.isEmpty()) {
            return;
        }
        Map<HasAndBelongsToMany, List<String>> linked = new java.util.concurrent.ConcurrentHashMap<>();
        concurrently(session, associations.stream().map(h -> (Runnable) () -> linked.put(h, Handles.get().linkedKeys(h))).toList());
        Set<String> distinct = new LinkedHashSet<>();
        linked.values().forEach(distinct::addAll);
        ModelSchema target = session.schema(associations.get(0).targetType());
        Map<String, Model> byText = fetch(session, target, distinct);
        for (HasAndBelongsToMany h : associations) {
            List<Model> found = new ArrayList<>();
            for (String text : linked.get(h)) {
                Model record = byText.get(text);
                if (record != null) {
                    found.add(record);
                }
            }
            Handles.get().preloaded(h, (List) found);
        }
    }

    /** The records for key texts, read with BatchGetItem; texts of records that no longer exist (or whose TTL has passed) are left out. */
    public static <M extends Model<?>> Map<String, M> fetch(SessionState session, ModelSchema<M> schema, Collection<String> texts) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(texts.size());
        for (String text : texts) {
            keys.add(AssociationKeys.key(schema, text));
        }
        Map<String, M> byText = new HashMap<>();
        if (keys.isEmpty()) {
            return byText;
        }
        for (Map<String, AttributeValue> item : read(session, schema, keys, schema.modelName() + " links")) {
            if (schema.expired(item) || !schema.admits(item)) {
                continue;
            }
            M record = session.load(schema, item);
            byText.put(AssociationKeys.text(schema, schema.keyFromItem(item)), record);
        }
        return byText;
    }

    /** The items of these keys, each at most once; of a partitioned model, the newest copy of each. */
    private static List<Map<String, AttributeValue>> read(SessionState session, ModelSchema<?> schema,
            List<Map<String, AttributeValue>> keys, String what) {
        String table = session.ready(schema);
        return schema.partitioned()
                ? new ArrayList<>(PartitionReads.newestOfEach(session, schema, table, keys, List.of(), false, what).values())
                : BatchGetOperation.execute(session.gateway(), table, keys, List.of(), false, what);
    }

    /** Runs the tasks in at most {@link #CONCURRENCY} concurrent lanes. */
    private static void concurrently(SessionState session, List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        int lanes = Math.min(CONCURRENCY, tasks.size());
        List<Runnable> work = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            work.add(() -> {
                for (int i = first; i < tasks.size(); i += lanes) {
                    tasks.get(i).run();
                }
            });
        }
        FanOut.runAll(session.executor(), work);
    }
}
