package dev.dynarecord;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.internal.schema.AssociationKind;
import dev.dynarecord.internal.state.RecordState;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one record of another model that belongs to this one: it keeps this record's key in the
 * foreign key of its {@link BelongsTo}, and is read with a Query on the index over it.
 *
 * <pre>{@code
 * final HasOne<Role> role = hasOne(Role.class).dependent(Dependent.DESTROY);
 * user.role.create(r -> r.name = "admin");    // replaces the current role: destroyed, as declared
 * user.role.get();                            // cached after the first read
 * }</pre>
 *
 * <p>Giving it a new record (with {@link #set}, {@link #create}, or by saving one from {@link #build})
 * saves the new one first, then handles the old one as {@link #dependent(Dependent)} says: destroyed,
 * deleted, or (by default) unlinked.
 *
 * @param <T> the other model
 */
public final class HasOne<T extends Model<?>> extends ChildAssociation<T> {

    private T target;
    private boolean loaded;

    HasOne(Model<?> owner, Class<T> type) {
        super(owner, AssociationKind.HAS_ONE, type);
    }

    /**
     * @param attribute the foreign-key attribute on the other model
     * @return this association
     */
    public HasOne<T> foreignKey(String attribute) {
        declaring("foreignKey");
        options.declareForeignKey(attribute);
        return this;
    }

    /**
     * @param association the other model's {@link BelongsTo} field holding this record's key
     * @return this association
     */
    public HasOne<T> inverseOf(String association) {
        declaring("inverseOf");
        options.declareInverseOf(association);
        return this;
    }

    /**
     * What the owner's destroy, and a replacement, do to the record.
     *
     * @param dependent destroy, delete or nullify
     * @return this association
     */
    public HasOne<T> dependent(Dependent dependent) {
        declaring("dependent");
        options.declareDependent(dependent);
        return this;
    }

    /** @return the record, or null: read with a Query on the first call, then cached until {@link #reload()} */
    public T get() {
        if (!loaded) {
            if (!ownerHasKey()) {
                return target;
            }
            target = children("get").first().orElse(null);
            loaded = true;
            if (target != null) {
                belongsTo(target).linkTo(owner, ownerKey("get"));
            }
        }
        return target;
    }

    /** @return the record, if there is one */
    public Optional<T> optional() {
        return Optional.ofNullable(get());
    }

    /**
     * Makes a record this one's: links and saves it, then handles the previous one as declared.
     *
     * @param record the new record, or null to {@link #clear()}
     * @throws dev.dynarecord.exception.RecordNotSavedException when this record is not saved
     */
    public void set(T record) {
        if (record == null) {
            clear();
            return;
        }
        T checked = checked(record, "set");
        ownerKey("set");
        T previous = get();
        link(checked, "set");
        checked.saveOrThrow();
        if (target != checked) {
            // unless the record was built here: its first save already replaced the previous one
            replace(previous, checked);
        }
    }

    /**
     * A new record linked to this one, not saved; the current one is kept until it is. Its first
     * save replaces the current one as {@link #set} does (handled as declared), unless it was
     * linked to another record by then.
     *
     * @param attributes sets its fields
     * @return the record
     */
    public T build(Consumer<? super T> attributes) {
        T record = newChild(attributes);
        RecordState.of(record).afterCreate(() -> adopt(record));
        return record;
    }

    /**
     * Builds, links and saves a new record, then handles the previous one as declared.
     *
     * @param attributes sets its fields
     * @return the saved record
     */
    public T create(Consumer<? super T> attributes) {
        ownerKey("create");
        T previous = get();
        T record = newChild(attributes);
        record.saveOrThrow();
        replace(previous, record);
        return record;
    }

    /** Removes the record as {@link #dependent(Dependent)} says: destroyed, deleted, or (by default) unlinked. */
    public void clear() {
        T previous = get();
        if (previous != null) {
            dispose(previous, "clear");
        }
        target = null;
        loaded = true;
    }

    /**
     * Forgets the cached record; the next {@link #get()} reads it again.
     *
     * @return the record, read again
     */
    public T reload() {
        loaded = false;
        target = null;
        return get();
    }

    /** @return whether the record is loaded (or preloaded with {@code includes}) */
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    void preload() {
        loaded = false;
        get();
    }

    /** A record built here was saved: it becomes the record, and the previous one is handled as declared. */
    private void adopt(T record) {
        if (!linkedHere(record)) {
            return;
        }
        T previous = loaded ? target
                : cascaded("save").stream().filter(child -> !child.equals(record)).findFirst().orElse(null);
        replace(previous, record);
    }

    private void replace(T previous, T next) {
        if (previous != null && !previous.equals(next)) {
            dispose(previous, "set");
        }
        target = next;
        loaded = true;
    }

    private void dispose(T record, String operation) {
        switch (declared().dependent()) {
            case DESTROY -> record.destroy();
            case DELETE -> record.delete();
            case NULLIFY, NONE -> nullify(record, operation);
        }
    }
}
