package dev.dynarecord;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.exception.AssociationException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.association.AssociationLink;
import dev.dynarecord.internal.association.AssociationStore;
import dev.dynarecord.internal.schema.AssociationKind;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link HasMany} and {@link HasOne} share: the children keep the owner's key in the foreign
 * key of their {@link BelongsTo}, and are read by a Query on the index over it (or, for a composite
 * key, on their table's hash key).
 *
 * @param <T> the children's model
 */
abstract class ChildAssociation<T extends Model<?>> extends Association<T> {

    /** Children read a page at a time when the owner's destroy reaches them. */
    static final int CASCADE_PAGE = 100;

    ChildAssociation(Model<?> owner, AssociationKind kind, Class<T> type) {
        super(owner, kind, type);
    }

    /** @return the query of the owner's children: foreign key = the owner's key */
    Query<T> children(String operation) {
        AssociationLink link = link();
        Query<T> query = session().find(type).where(link.foreignKey().name(), ownerKey(operation));
        return link.index() == null ? query : query.useIndex(link.index());
    }

    /** @return the children a cascade reaches: all of them, those whose TTL has passed too (DynamoDB has not deleted them yet) */
    Query<T> cascaded(String operation) {
        return children(operation).includeExpired();
    }

    /** Points a child at the owner, and its belongs_to at the owner object. */
    void link(T child, String operation) {
        Object key = ownerKey(operation);
        BelongsTo<?> belongsTo = belongsTo(child);
        if (link().composite() && child.isPersisted() && !Objects.equals(belongsTo.id(), key)) {
            throw new InvalidKeyException(where() + "." + operation + "(...): " + describe(child) + " is a composite-key child of"
                    + " another " + owner.getClass().getSimpleName() + ", and its key cannot change; build a new record here"
                    + " and destroy that one");
        }
        belongsTo.linkTo(owner, key);
    }

    /** A child built here before the owner was saved: its belongs_to takes the owner's key when it is saved. */
    void linkPending(T child) {
        belongsTo(child).pendingOwner(owner);
    }

    BelongsTo<?> belongsTo(T child) {
        return (BelongsTo<?>) link().inverse().orElseThrow().of(child);
    }

    /** @return whether the child's foreign key holds the owner's key */
    boolean linkedHere(T child) {
        return ownerHasKey() && Objects.equals(belongsTo(child).id(), ownerKey("check"));
    }

    void requireLinked(T child, String operation) {
        if (!linkedHere(child)) {
            throw new AssociationException(where() + "." + operation + "(...): " + describe(child) + " is not one of "
                    + where() + "'s records (its " + link().foreignKey().name() + " is '" + belongsTo(child).id()
                    + "'); nothing was written");
        }
    }

    /** Removes the child's foreign key in its stored item (no callbacks, no validations), and in the object. */
    void nullify(T child, String operation) {
        if (link().composite()) {
            throw new AssociationException(where() + "." + operation + "(...): the children are composite-key records whose"
                    + " foreign key is their hash key, so they cannot be detached; destroy or delete them instead");
        }
        if (child.isPersisted()) {
            ModelSchema<T> schema = targetSchema();
            String fk = link().foreignKey().name();
            T stored = null;
            try {
                stored = session().atomicUpdate(type, schema.hashKey().get(child), schema.rangeKey().map(r -> r.get(child))
                        .orElse(null), null, u -> u.remove(fk), false);
            } catch (RecordNotFoundException gone) {
                // destroyed meanwhile: nothing left to detach
            }
            link().foreignKey().set(child, null);
            if (stored != null) {
                // the stored item changed: the object follows (foreign key, updatedAt, lock version), keeping its other edits
                T fresh = stored;
                schema.updatedAt().ifPresent(a -> a.set(child, a.get(fresh)));
                RecordState.of(child).follow(RecordState.of(stored));
            }
        } else {
            link().foreignKey().set(child, null);
        }
        belongsTo(child).remember(null, null);
    }

    /**
     * What the owner's destroy (or clear) does to the children, a page at a time: memory stays
     * bounded however many there are.
     */
    void cascade(Dependent dependent, String operation) {
        if (!ownerHasKey()) {
            return;
        }
        long[] done = {0};
        try {
            switch (dependent) {
                case DESTROY -> cascaded(operation).findEach(CASCADE_PAGE, child -> {
                    if (!child.destroy()) {
                        throw new RecordNotSavedException(describe(child) + " was not destroyed: a before_destroy callback"
                                + " returned false, so " + where() + " stops here (the owner is kept)");
                    }
                    done[0]++;
                });
                case DELETE -> deleteAll(operation, done);
                case NULLIFY -> cascaded(operation).findEach(CASCADE_PAGE, child -> {
                    nullify(child, operation);
                    done[0]++;
                });
                case NONE -> {
                }
            }
        } catch (RecordNotSavedException e) {
            throw e;
        } catch (DynarecordException e) {
            long made = done[0] + (e instanceof PartialWriteException p ? p.applied() : 0);
            if (made == 0) {
                throw e;
            }
            String did = dependent == Dependent.NULLIFY ? "unlinked" : dependent == Dependent.DELETE ? "deleted" : "destroyed";
            throw new PartialWriteException(where() + ": " + made + " children were " + did + ", then: " + e.getMessage()
                    + ". The owner is kept; repeat the same call to finish (the children already " + did
                    + " are not touched again)", e, made, -1);
        }
    }

    private void deleteAll(String operation, long[] done) {
        ModelSchema<T> schema = targetSchema();
        String table = session().engine().state().ready(schema);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(AssociationStore.BATCH);
        Consumer<T> collect = child -> {
            keys.add(schema.keyOf(child));
            if (keys.size() == AssociationStore.BATCH) {
                AssociationStore.delete(state(), table, keys, where() + " delete");
                done[0] += keys.size();
                keys.clear();
            }
        };
        cascaded(operation).project(schema.keyNames().toArray(String[]::new)).findEach(CASCADE_PAGE, collect);
        if (!keys.isEmpty()) {
            AssociationStore.delete(state(), table, keys, where() + " delete");
            done[0] += keys.size();
        }
    }

    String describe(T child) {
        return Records.describe(targetSchema(), child);
    }

    /** Loads all the children now (a preload): the cache of the association. */
    abstract void preload();

    /** @return a new child, linked to the owner */
    T newChild(Consumer<? super T> attributes) {
        T child = session().build(type);
        if (ownerHasKey()) {
            link(child, "build");
        } else {
            linkPending(child);
        }
        if (attributes != null) {
            attributes.accept(child);
        }
        return child;
    }
}
