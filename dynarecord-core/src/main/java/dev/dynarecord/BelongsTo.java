package dev.dynarecord;

import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.association.AssociationKeys;
import dev.dynarecord.internal.schema.AssociationKind;
import dev.dynarecord.internal.schema.AttributeSchema;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner a record belongs to: the record keeps the owner's key in a foreign-key attribute
 * ({@code userId} for a field {@code user}, or {@link #foreignKey(String)}), with a global index over
 * it so the owner's {@link HasMany} and {@link HasOne} read their records by Query, never Scan.
 *
 * <pre>{@code
 * public class Address extends Model<Address> {
 *     final BelongsTo<User> user = belongsTo(User.class);
 * }
 * address.user.set(josh);      // sets userId; saved with the address
 * address.user.get();          // the owner: loaded on first call (GetItem), then cached
 * }</pre>
 *
 * <p>With {@link #compositeKey()} (OceanDynamo's composite key) the foreign key is the model's hash
 * key: {@code @Table(key = "forumId", rangeKey = "id")}. The owner's children are then one partition
 * of the child table, read with a strongly consistent Query and no index.
 *
 * @param <T> the owner's model
 */
public final class BelongsTo<T extends Model<?>> extends Association<T> {

    private T target;
    private Object targetKey;
    private boolean loaded;

    BelongsTo(Model<?> owner, Class<T> type) {
        super(owner, AssociationKind.BELONGS_TO, type);
    }

    /**
     * Names the foreign-key attribute (default: the field name + {@code Id}). A field of that name,
     * if the model declares one, holds it; else the association keeps it.
     *
     * @param attribute the attribute name
     * @return this association
     */
    public BelongsTo<T> foreignKey(String attribute) {
        declaring("foreignKey");
        options.declareForeignKey(attribute);
        return this;
    }

    /**
     * Names the owner's {@link HasMany} or {@link HasOne} that points back here, when it cannot be
     * told from the models alone.
     *
     * @param association the field name on the owner's model
     * @return this association
     */
    public BelongsTo<T> inverseOf(String association) {
        declaring("inverseOf");
        options.declareInverseOf(association);
        return this;
    }

    /**
     * Makes the foreign key this model's hash key (OceanDynamo's {@code composite_key}): declare the
     * table as {@code @Table(key = "<field>Id", rangeKey = "id")}; {@code id} is generated.
     *
     * @return this association
     */
    public BelongsTo<T> compositeKey() {
        declaring("compositeKey");
        options.declareCompositeKey();
        return this;
    }

    /**
     * The owner: read with GetItem on the first call, then cached while the foreign key stays the same.
     *
     * @return the owner, or null when the foreign key is not set or no such record exists
     */
    public T get() {
        Object key = foreignKeyValue();
        if (key == null) {
            return target != null && targetKey == null ? target : null; // an owner set before it was saved
        }
        if (loaded && Objects.equals(key, targetKey)) {
            return target;
        }
        T found = findByKey(AssociationKeys.keyOf(targetSchema(), key)).orElse(null);
        remember(found, key);
        return found;
    }

    /** @return the owner, if there is one; see {@link #get()} */
    public Optional<T> optional() {
        return Optional.ofNullable(get());
    }

    /** @return the foreign key's value: the owner's key as stored in this record, or null */
    public Object id() {
        return foreignKeyValue();
    }

    /**
     * Points this record at an owner: sets the foreign key (saved with the record's next save). An
     * owner not saved yet is kept and its key taken when this record is saved.
     *
     * @param owner the owner, or null to {@link #clear()}
     * @throws dev.dynarecord.exception.AssociationException when the owner is of another class
     * @throws InvalidKeyException when this is a saved composite-key child, whose key cannot change
     */
    public void set(T owner) {
        if (owner == null) {
            clear();
            return;
        }
        T checked = checked(owner, "set");
        Object key = checked.id() == null ? null : AssociationKeys.foreignKeyOf(targetSchema(), checked, where() + ".set");
        if (link().declared().compositeKey() && this.owner.isPersisted() && !Objects.equals(key, foreignKeyValue())) {
            throw new InvalidKeyException(where() + " is a composite key: the foreign key is " + this.owner.getClass().getSimpleName()
                    + "'s hash key, which cannot change once saved; build a new record under the new owner and destroy this one");
        }
        foreignKey().set(this.owner, key);
        target = checked;
        targetKey = key;
        loaded = key != null;
    }

    /**
     * Removes the owner: the foreign key is removed with the record's next save.
     *
     * @throws InvalidKeyException for a composite-key child, whose foreign key is its hash key
     */
    public void clear() {
        if (link().declared().compositeKey()) {
            throw new InvalidKeyException(where() + " is a composite key: the foreign key is " + owner.getClass().getSimpleName()
                    + "'s hash key and cannot be removed; destroy the record instead");
        }
        foreignKey().set(owner, null);
        remember(null, null);
    }

    /**
     * Forgets the cached owner; the next {@link #get()} reads it again.
     *
     * @return the owner, read again
     */
    public T reload() {
        loaded = false;
        target = null;
        targetKey = null;
        return get();
    }

    /** @return whether the owner is loaded (or preloaded with {@code includes}) for the current foreign key */
    public boolean isLoaded() {
        return loaded && Objects.equals(foreignKeyValue(), targetKey);
    }

    /** Links to an owner the caller knows: sets the key and the cache, as building through the owner does. */
    void linkTo(Model<?> owner, Object key) {
        foreignKey().set(this.owner, key);
        remember(type.cast(owner), key);
    }

    /** An owner not saved yet: its key is taken when this record is saved. */
    void pendingOwner(Model<?> owner) {
        target = type.cast(owner);
        targetKey = null;
        loaded = false;
    }

    /** The owner found by a preload (or known to be absent). */
    void remember(T found, Object key) {
        target = found;
        targetKey = key;
        loaded = true;
    }

    /** Before the record is saved: an owner set while unsaved gives its key now. */
    void beforeSave() {
        if (target != null && targetKey == null && foreignKeyValue() == null) {
            if (target.id() == null) {
                throw new RecordNotSavedException(where() + " is set to a " + type.getSimpleName() + " that is not saved, so "
                        + owner.getClass().getSimpleName() + " cannot keep its key; save the " + type.getSimpleName() + " first");
            }
            Object key = AssociationKeys.foreignKeyOf(targetSchema(), target, where());
            foreignKey().set(owner, key);
            targetKey = key;
            loaded = true;
        }
    }

    private AttributeSchema foreignKey() {
        return link().foreignKey();
    }

    private Object foreignKeyValue() {
        return foreignKey().get(owner);
    }
}
