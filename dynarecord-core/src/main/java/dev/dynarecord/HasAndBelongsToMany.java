package dev.dynarecord;

import dev.dynarecord.internal.association.AssociationKeys;
import dev.dynarecord.internal.association.AssociationLink;
import dev.dynarecord.internal.association.AssociationStore;
import dev.dynarecord.internal.association.InMemoryConditions;
import dev.dynarecord.internal.association.Preloader;
import dev.dynarecord.internal.schema.AssociationKind;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.Records;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Links between records of two models (or of one: friends), each link its own item in a join table
 * keyed by both records' keys, with an index for the other direction. A record can have any number
 * of links without its own item growing.
 *
 * <pre>{@code
 * final HasAndBelongsToMany<User> friends = hasAndBelongsToMany(User.class).inverseOf("friendingUsers");
 * final HasAndBelongsToMany<User> friendingUsers = hasAndBelongsToMany(User.class).inverseOf("friends");
 * josh.friends.add(ada);            // one PutItem in the join table
 * ada.friendingUsers.all();         // [josh]: the index, then BatchGetItem of the records
 * }</pre>
 *
 * <p>Both sides of a declared inverse read the same join table, so they never disagree. The join
 * table is named after both sides ({@code users_friendingUsers_users_friends}) unless
 * {@link #joinTable(String)} names it; it is created with the models' tables. {@link #all()} is
 * cached until {@link #reload()}; links added or removed through this object show in it at once.
 *
 * @param <T> the linked model
 */
public final class HasAndBelongsToMany<T extends Model<?>> extends Association<T> implements Iterable<T> {

    private List<T> loaded;
    private final Map<String, T> added = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    HasAndBelongsToMany(Model<?> owner, Class<T> type) {
        super(owner, AssociationKind.HAS_AND_BELONGS_TO_MANY, type);
    }

    /**
     * Names the association on the linked model that reads the same links from the other side.
     *
     * @param association its field name
     * @return this association
     */
    public HasAndBelongsToMany<T> inverseOf(String association) {
        declaring("inverseOf");
        options.declareInverseOf(association);
        return this;
    }

    /**
     * Names the join table (its base name; the namespace is applied).
     *
     * @param name the table name
     * @return this association
     */
    public HasAndBelongsToMany<T> joinTable(String name) {
        declaring("joinTable");
        options.declareJoinTable(name);
        return this;
    }

    /**
     * Every linked record: the links are read with a Query (the join table, or its index for the
     * inverse side), the records with BatchGetItem, 100 keys a request. Cached until {@link #reload()}.
     *
     * @return a new list of the linked records, in the order of their keys
     */
    public List<T> all() {
        if (loaded == null) {
            loaded = ownerHasKey() ? merged(records(linkedKeys(0))) : new ArrayList<>();
        }
        return new ArrayList<>(loaded);
    }

    @Override
    public Iterator<T> iterator() {
        return all().iterator();
    }

    /** @return the linked records as a stream (see {@link #all()}) */
    public Stream<T> stream() {
        return all().stream();
    }

    /**
     * @param expression a field and operator, as {@link Query#where(String, Object)}
     * @param value the value
     * @return the linked records whose attributes match, tested on the loaded records (see {@link #all()})
     */
    public List<T> where(String expression, Object value) {
        return InMemoryConditions.filter(targetSchema(), all(), expression, value);
    }

    /** @return the first linked record, if any */
    public Optional<T> first() {
        if (answersFromMemory()) {
            return all().stream().findFirst();
        }
        return records(linkedKeys(1)).stream().findFirst();
    }

    /** @return how many links there are: a Query with Select COUNT, or the cache when loaded */
    public long count() {
        if (answersFromMemory()) {
            return all().size();
        }
        AssociationLink link = link();
        return AssociationStore.countLinks(state(), joinTable(), link, ownText("count"), where() + " count");
    }

    /** @return whether there is any link */
    public boolean exists() {
        return first().isPresent();
    }

    /** @return whether there is no link */
    public boolean isEmpty() {
        return !exists();
    }

    /**
     * Links records to this one: one join item each, written with BatchWriteItem (25 a request).
     * Adding a link that exists changes nothing.
     *
     * @param records saved records of the linked model
     * @throws dev.dynarecord.exception.RecordNotSavedException when this record or one of them is not saved
     */
    @SafeVarargs
    public final void add(T... records) {
        add(listOf(records));
    }

    /**
     * Links records to this one (see {@link #add(Model[])}).
     *
     * @param records saved records of the linked model
     */
    public void add(Collection<? extends T> records) {
        String own = ownText("add");
        Map<String, T> texts = texts(records, "add");
        List<Map<String, AttributeValue>> items = new ArrayList<>(texts.size());
        for (String other : texts.keySet()) {
            items.add(joinKey(own, other));
        }
        AssociationStore.put(state(), joinTable(), items, where() + " add");
        texts.forEach((text, record) -> {
            removed.remove(text);
            added.put(text, record);
            if (loaded != null && !loaded.contains(record)) {
                loaded.add(record);
            }
        });
    }

    /**
     * Removes the links to records (the records stay).
     *
     * @param records linked records
     */
    @SafeVarargs
    public final void remove(T... records) {
        remove(listOf(records));
    }

    /**
     * Removes the links to records (the records stay).
     *
     * @param records linked records
     */
    public void remove(Collection<? extends T> records) {
        String own = ownText("remove");
        Map<String, T> texts = texts(records, "remove");
        List<Map<String, AttributeValue>> keys = new ArrayList<>(texts.size());
        for (String other : texts.keySet()) {
            keys.add(joinKey(own, other));
        }
        AssociationStore.delete(state(), joinTable(), keys, where() + " remove");
        texts.forEach((text, record) -> {
            added.remove(text);
            removed.add(text);
            if (loaded != null) {
                loaded.remove(record);
            }
        });
    }

    /**
     * As ActiveRecord's {@code delete} on this kind of association: removes the links only.
     *
     * @param records linked records
     */
    @SafeVarargs
    public final void delete(T... records) {
        remove(listOf(records));
    }

    /**
     * As ActiveRecord's {@code destroy} on this kind of association: removes the links only; the
     * records are not destroyed.
     *
     * @param records linked records
     */
    @SafeVarargs
    public final void destroy(T... records) {
        remove(listOf(records));
    }

    /**
     * A new record of the linked model, not saved; it is linked to this record when it is saved
     * (this record must be saved by then).
     *
     * @param attributes sets its fields
     * @return the record
     */
    public T build(Consumer<? super T> attributes) {
        link(); // the association's definition is checked before the record exists
        T record = session().build(type);
        if (attributes != null) {
            attributes.accept(record);
        }
        RecordState.of(record).afterCreate(() -> add(List.of(record)));
        return record;
    }

    /**
     * Creates a record of the linked model and links it.
     *
     * @param attributes sets its fields
     * @return the saved, linked record
     */
    public T create(Consumer<? super T> attributes) {
        ownText("create");
        joinTable(); // the association's definition is checked, and its table ready, before the record is saved
        T record = session().build(type);
        if (attributes != null) {
            attributes.accept(record);
        }
        record.saveOrThrow();
        add(List.of(record));
        return record;
    }

    /** Removes every link of this record, a page of links at a time (the records stay). */
    public void clear() {
        unlinkAll();
        loaded = new ArrayList<>();
        added.clear();
        removed.clear();
    }

    /**
     * Forgets the cached records; the next {@link #all()} reads them again.
     *
     * @return this association
     */
    public HasAndBelongsToMany<T> reload() {
        loaded = null;
        added.clear();
        removed.clear();
        return this;
    }

    /** @return whether the cache, or writes made here that the index may not show yet, must answer instead of a Query */
    private boolean answersFromMemory() {
        return loaded != null || !added.isEmpty() || !removed.isEmpty() || !ownerHasKey();
    }

    /** @return whether the linked records are loaded (or preloaded with {@code includes}) */
    public boolean isLoaded() {
        return loaded != null;
    }

    /** Deletes every join item of the owner on its side, in batches: the owner is being destroyed, or cleared. */
    void unlinkAll() {
        if (!ownerHasKey()) {
            return;
        }
        AssociationStore.unlinkAll(state(), joinTable(), link(), ownText("clear"), where());
    }

    /** @return the key texts of the linked records, in join-table order; at most {@code limit} (0: all) */
    List<String> linkedKeys(int limit) {
        return AssociationStore.linkedKeys(state(), joinTable(), link(), ownText("all"), limit, where() + " links");
    }

    /** The records for key texts, read with BatchGetItem; links to records that no longer exist are skipped. */
    List<T> records(List<String> texts) {
        Map<String, T> byText = Preloader.fetch(session().engine().state(), targetSchema(), new LinkedHashSet<>(texts));
        List<T> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            T record = byText.get(text);
            if (record != null) {
                out.add(record);
            }
        }
        return out;
    }

    /** The records a preload found for this owner. */
    void preloaded(List<T> records) {
        loaded = new ArrayList<>(records);
        added.clear();
        removed.clear();
    }

    String joinTable() {
        Session session = session();
        AssociationLink link = link();
        String table = session.engine().state().tableName(link.joinTable().baseName(), ownerSchema().modelName());
        session.engine().state().readyTable(table, link.joinTable(), where());
        return table;
    }

    private String ownText(String operation) {
        ModelSchema<?> schema = ownerSchema();
        if (!ownerHasKey()) {
            AssociationKeys.foreignKeyOf(schema, owner, where() + "." + operation); // throws, saying what to do
        }
        return AssociationKeys.text(schema, schema.keyOf(owner));
    }

    private Map<String, T> texts(Collection<? extends T> records, String operation) {
        ModelSchema<T> schema = targetSchema();
        Map<String, T> texts = new LinkedHashMap<>();
        for (T record : records) {
            T checked = checked(record, operation);
            if (!checked.isPersisted()) {
                AssociationKeys.foreignKeyOf(schema, checked, where() + "." + operation);
                throw new dev.dynarecord.exception.RecordNotSavedException(where() + "." + operation + "(...): "
                        + Records.describe(schema, checked) + " is not saved; save it first, or use create(...)");
            }
            texts.put(AssociationKeys.text(schema, schema.keyOf(checked)), checked);
        }
        return texts;
    }

    @SafeVarargs
    private static <R> List<R> listOf(R... records) {
        List<R> list = new ArrayList<>(records.length);
        for (R record : records) {
            list.add(record);
        }
        return list;
    }

    private Map<String, AttributeValue> joinKey(String own, String other) {
        AssociationLink link = link();
        return Map.of(link.ownSide(), AttributeValue.fromS(own), link.otherSide(), AttributeValue.fromS(other));
    }

    private List<T> merged(List<T> read) {
        ModelSchema<T> schema = targetSchema();
        List<T> out = new ArrayList<>(read.size() + added.size());
        Set<String> seen = new LinkedHashSet<>();
        for (T record : read) {
            String text = AssociationKeys.text(schema, schema.keyOf(record));
            seen.add(text);
            if (!removed.contains(text)) {
                out.add(record);
            }
        }
        added.forEach((text, record) -> {
            if (!seen.contains(text) && !record.isDestroyed()) {
                out.add(record);
            }
        });
        added.keySet().removeAll(seen);
        removed.retainAll(seen);
        return out;
    }
}
