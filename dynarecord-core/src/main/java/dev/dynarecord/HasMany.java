package dev.dynarecord;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.internal.schema.AssociationKind;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The records of another model that belong to this one: each keeps this record's key in the
 * foreign key of its {@link BelongsTo}, and they are read with a Query on the index over it (or on
 * the child table's hash key, for a composite key), never a Scan.
 *
 * <pre>{@code
 * public class User extends Model<User> {
 *     final HasMany<Address> addresses = hasMany(Address.class).dependent(Dependent.DESTROY);
 * }
 * Address a = user.addresses.create(x -> x.city = "Chicago");   // linked both ways, saved
 * user.addresses.all();                                         // includes a, even before the index has it
 * user.addresses.where("city", "Chicago").first();              // the full query API
 * }</pre>
 *
 * <p><b>What you can rely on.</b> {@link #all()} is read once and cached (like ActiveRecord's
 * association cache) until {@link #reload()}. Records created, added, removed or destroyed through
 * this object are reflected by {@link #all()}, {@link #count()}, {@link #exists()} and {@link #first()}
 * on this object even when the index has not caught up yet (global indexes are eventually
 * consistent). Queries built with {@link #where} read the index as it is.
 *
 * @param <T> the children's model
 */
public final class HasMany<T extends Model<?>> extends ChildAssociation<T> implements Iterable<T> {

    private List<T> loaded;
    private final List<T> added = new ArrayList<>();
    private final Set<Map<String, AttributeValue>> removed = new HashSet<>();

    HasMany(Model<?> owner, Class<T> type) {
        super(owner, AssociationKind.HAS_MANY, type);
    }

    /**
     * Names the children's foreign-key attribute, when their {@link BelongsTo} cannot be told apart otherwise.
     *
     * @param attribute the attribute on the children's model
     * @return this association
     */
    public HasMany<T> foreignKey(String attribute) {
        declaring("foreignKey");
        options.declareForeignKey(attribute);
        return this;
    }

    /**
     * Names the children's {@link BelongsTo} that holds this record's key ({@code students} /
     * {@code teacher}).
     *
     * @param association the field name on the children's model
     * @return this association
     */
    public HasMany<T> inverseOf(String association) {
        declaring("inverseOf");
        options.declareInverseOf(association);
        return this;
    }

    /**
     * What the owner's destroy does to the children (and what {@link #clear()} does).
     *
     * @param dependent destroy, delete or nullify
     * @return this association
     */
    public HasMany<T> dependent(Dependent dependent) {
        declaring("dependent");
        options.declareDependent(dependent);
        return this;
    }

    /**
     * The children as a query, to narrow, order, page or count with the full query API.
     *
     * @return the query: foreign key = this record's key, on the index over it
     * @throws dev.dynarecord.exception.RecordNotSavedException when the owner is not saved
     */
    public Query<T> query() {
        return children("query");
    }

    /**
     * @param expression a field and operator, as {@link Query#where(String, Object)}
     * @param value the value
     * @return the query of the children that match
     */
    public Query<T> where(String expression, Object value) {
        return query().where(expression, value);
    }

    /**
     * @param field a field, as {@link Query#where(String)}
     * @return the typed condition builder on the children's query
     */
    public Where<T> where(String field) {
        return query().where(field);
    }

    /**
     * Every child: read on the first call (a Query, page by page), then cached until {@link #reload()}.
     * Each child's belongs_to is set to this record, so {@code child.owner.get()} sends nothing.
     *
     * @return a new list of the children
     */
    public List<T> all() {
        if (loaded == null) {
            loaded = ownerHasKey() ? merged(children("all").all()) : pendingOnly();
        }
        return new ArrayList<>(loaded);
    }

    @Override
    public Iterator<T> iterator() {
        return all().iterator();
    }

    /** @return the children as a stream (see {@link #all()}) */
    public Stream<T> stream() {
        return all().stream();
    }

    /** @return the first child, if any: from the cache when loaded, else a Query for one */
    public Optional<T> first() {
        if (answersFromMemory()) {
            return all().stream().findFirst();
        }
        Optional<T> first = children("first").first();
        first.ifPresent(this::adopt);
        return first;
    }

    /** @return how many children there are: from the cache when loaded, else a Query with Select COUNT */
    public long count() {
        if (answersFromMemory()) {
            return all().size();
        }
        return children("count").count();
    }

    /** @return whether there is any child */
    public boolean exists() {
        if (answersFromMemory()) {
            return !all().isEmpty();
        }
        return children("exists").exists();
    }

    /** @return whether there is no child */
    public boolean isEmpty() {
        return !exists();
    }

    /**
     * A new child linked to this record, not saved. When this record is not saved yet, the child
     * takes its key when the child is saved (save this record first).
     *
     * @param attributes sets the child's fields
     * @return the child
     */
    public T build(Consumer<? super T> attributes) {
        T child = newChild(attributes);
        remember(child);
        return child;
    }

    /**
     * Builds, links and saves a child.
     *
     * @param attributes sets the child's fields
     * @return the saved child
     * @throws dev.dynarecord.exception.RecordNotSavedException when this record is not saved, or a callback aborted
     * @throws dev.dynarecord.exception.RecordInvalidException when the child is invalid
     */
    public T create(Consumer<? super T> attributes) {
        ownerKey("create");
        T child = newChild(attributes);
        child.saveOrThrow();
        remember(child);
        return child;
    }

    /**
     * Links records to this one and saves them (ActiveRecord's {@code <<}).
     *
     * @param children the records
     * @throws dev.dynarecord.exception.AssociationException when one is of another class
     * @throws dev.dynarecord.exception.RecordNotSavedException when this record is not saved
     */
    @SafeVarargs
    public final void add(T... children) {
        Object key = ownerKey("add");
        List<T> checked = new ArrayList<>();
        for (T child : children) {
            checked.add(checked(child, "add"));
        }
        if (checked.size() > 1) {
            // all are validated as linked before any is saved, so an invalid one leaves the others unwritten
            for (T child : checked) {
                AttributeSchema fk = link().foreignKey();
                Object previous = fk.get(child);
                fk.set(child, key);
                boolean valid = child.isValid();
                fk.set(child, previous);
                if (!valid) {
                    throw new RecordInvalidException(describe(child) + " is invalid: " + child.errors() + "; " + where()
                            + ".add(...) wrote nothing", child.errors().asMap());
                }
            }
        }
        for (T child : checked) {
            link(child, "add");
            child.saveOrThrow();
            remember(child);
        }
    }

    /**
     * Unlinks a child: its foreign key is removed in its stored item (no callbacks); the child stays.
     *
     * @param child one of the children
     * @throws dev.dynarecord.exception.AssociationException when it is not a child of this record, or
     *     the children are composite-key records (destroy them instead)
     */
    public void remove(T child) {
        T checked = checked(child, "remove");
        requireLinked(checked, "remove");
        nullify(checked, "remove");
        forget(checked);
    }

    /**
     * Deletes a child's item, without callbacks.
     *
     * @param child one of the children
     */
    public void delete(T child) {
        T checked = checked(child, "delete");
        requireLinked(checked, "delete");
        checked.delete();
        forget(checked);
    }

    /**
     * Destroys a child, with its callbacks (and its own dependents).
     *
     * @param child one of the children
     * @return whether it was destroyed ({@code false} when a before_destroy callback returned false)
     */
    public boolean destroy(T child) {
        T checked = checked(child, "destroy");
        requireLinked(checked, "destroy");
        if (!checked.destroy()) {
            return false;
        }
        forget(checked);
        return true;
    }

    /**
     * Empties the collection as {@link #dependent(Dependent)} says: destroyed, deleted, or (by default)
     * unlinked. Children are read and handled a page at a time.
     */
    public void clear() {
        Dependent dependent = declared().dependent();
        cascade(dependent == Dependent.NONE ? Dependent.NULLIFY : dependent, "clear");
        loaded = new ArrayList<>();
        added.clear();
        removed.clear();
    }

    /**
     * Forgets the cached children; the next {@link #all()} reads them again.
     *
     * @return this association
     */
    public HasMany<T> reload() {
        loaded = null;
        added.clear();
        removed.clear();
        return this;
    }

    /** @return whether the cache, or writes made here that the index may not show yet, must answer instead of a Query */
    private boolean answersFromMemory() {
        return loaded != null || !added.isEmpty() || !removed.isEmpty() || !ownerHasKey();
    }

    /** @return whether the children are loaded (or preloaded with {@code includes}) */
    public boolean isLoaded() {
        return loaded != null;
    }

    @Override
    void preload() {
        loaded = null;
        all();
    }

    private List<T> merged(List<T> read) {
        ModelSchema<T> schema = targetSchema();
        Set<Map<String, AttributeValue>> seen = new HashSet<>();
        List<T> out = new ArrayList<>(read.size() + added.size());
        for (T child : read) {
            Map<String, AttributeValue> key = schema.keyOf(child);
            seen.add(key);
            if (!removed.contains(key)) {
                adopt(child);
                out.add(child);
            }
        }
        for (T child : added) {
            boolean here = child.isNewRecord() || linkedHere(child);
            if (!child.isDestroyed() && here && (child.id() == null || !seen.contains(schema.keyOf(child)))) {
                out.add(child);
            }
        }
        // what the index shows now needs no help any more
        added.removeIf(c -> c.id() != null && seen.contains(schema.keyOf(c)));
        removed.retainAll(seen);
        return out;
    }

    private List<T> pendingOnly() {
        return new ArrayList<>(added.stream().filter(c -> !c.isDestroyed()).toList());
    }

    private void adopt(T child) {
        belongsTo(child).linkTo(owner, ownerKey("all"));
    }

    private void remember(T child) {
        if (child.id() != null) {
            removed.remove(targetSchema().keyOf(child));
        }
        if (!added.contains(child)) {
            added.add(child);
        }
        if (loaded != null && !loaded.contains(child)) {
            loaded.add(child);
        }
    }

    private void forget(T child) {
        added.remove(child);
        if (child.id() != null) {
            removed.add(targetSchema().keyOf(child));
        }
        if (loaded != null) {
            loaded.remove(child);
        }
    }
}
