package dev.dynarecord;

import dev.dynarecord.internal.schema.Hierarchy;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.spi.GeneratedAccess;
import dev.dynarecord.spi.ItemFields;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The base class of every model: the active-record surface. Each method is a one-line delegation
 * to the {@link Session} that does the work (the record's own, or the default one).
 *
 * <pre>{@code
 * @Table(name = "users")
 * public class User extends Model<User> {
 *     public static final Finder<User> find = finder(User.class);
 *     @Field String name;
 * }
 *
 * User u = new User();
 * u.name = "Josh";
 * u.save();                        // PutItem, id generated
 * User.find.byId(u.id());          // GetItem
 * u.update(x -> x.name = "Joshua"); // UpdateItem
 * u.destroy();                     // DeleteItem
 * }</pre>
 *
 * <p>A model declares a no-arg constructor (the implicit one will do) and its persisted fields
 * with {@code @Field}. When it declares no hash key, the magic {@link #id()} is the key: a UUID
 * string generated on first save. {@link #createdAt()} and {@link #updatedAt()} are kept unless
 * {@code @Table(timestamps = false)}.
 *
 * <p>Model instances are not thread-safe. Two instances are equal when they are of the same class
 * and have the same non-null key.
 *
 * @param <T> the model class itself
 */
public abstract class Model<T extends Model<T>> extends ModelAttributes<T> {

    private String id;
    private Instant createdAt;
    private Instant updatedAt;

    private final transient RecordState state = new RecordState();

    static {
        RecordState.install(new RecordState.Access() {
            @Override
            public RecordState state(Model<?> record) {
                return record.state;
            }

            @Override
            public void validate(Model<?> record, Errors errors) {
                record.validate(errors);
            }
        });
        Schemas.installModelFields(new OwnFields());
    }

    /**
     * This class's own fields, reached the way dynarecord-processor's code reaches a model's: the
     * processor cannot reach private fields from another class, a nested class can. Used unless
     * {@code -Ddynarecord.accessors=reflective}.
     */
    private static final class OwnFields implements GeneratedAccess {
        private static final int ID = 0;
        private static final int CREATED_AT = 1;
        private static final int UPDATED_AT = 2;

        @Override
        public Class<?> type() {
            return Model.class;
        }

        @Override
        public int index(String field) {
            return switch (field) {
                case "id" -> ID;
                case "createdAt" -> CREATED_AT;
                case "updatedAt" -> UPDATED_AT;
                default -> -1;
            };
        }

        @Override
        public Object get(int index, Object instance) {
            Model<?> model = (Model<?>) instance;
            return switch (index) {
                case ID -> model.id;
                case CREATED_AT -> model.createdAt;
                case UPDATED_AT -> model.updatedAt;
                default -> throw noField(index);
            };
        }

        @Override
        public void set(int index, Object instance, Object value) {
            Model<?> model = (Model<?>) instance;
            switch (index) {
                case ID -> model.id = (String) value;
                case CREATED_AT -> model.createdAt = (Instant) value;
                case UPDATED_AT -> model.updatedAt = (Instant) value;
                default -> throw noField(index);
            }
        }

        @Override
        public boolean instantiable() {
            return false;
        }

        @Override
        public Object newInstance() {
            throw new UnsupportedOperationException("Model is abstract");
        }

        @Override
        public boolean mapsItems() {
            return true;
        }

        // One method per field, so that each converter is called from its own place, as in generated code.

        @Override
        public void readItem(Object instance, Map<String, AttributeValue> item, ItemFields fields) {
            Model<?> model = (Model<?>) instance;
            readId(model, item, fields);
            readCreatedAt(model, item, fields);
            readUpdatedAt(model, item, fields);
        }

        private static void readId(Model<?> model, Map<String, AttributeValue> item, ItemFields fields) {
            String name = fields.attribute(ID);
            if (name == null) {
                return;
            }
            AttributeValue value = item.get(name);
            if (value != null && value.nul() == null) {
                Object converted = fields.converter(ID).fromAttributeValue(value);
                if (converted == null || converted instanceof String) {
                    model.id = (String) converted;
                    return;
                }
            }
            fields.read(ID, model, value); // absent, NULL, or a value of another type: the schema's way
        }

        private static void readCreatedAt(Model<?> model, Map<String, AttributeValue> item, ItemFields fields) {
            String name = fields.attribute(CREATED_AT);
            if (name == null) {
                return;
            }
            AttributeValue value = item.get(name);
            if (value != null && value.nul() == null) {
                Object converted = fields.converter(CREATED_AT).fromAttributeValue(value);
                if (converted == null || converted instanceof Instant) {
                    model.createdAt = (Instant) converted;
                    return;
                }
            }
            fields.read(CREATED_AT, model, value); // absent, NULL, or a value of another type: the schema's way
        }

        private static void readUpdatedAt(Model<?> model, Map<String, AttributeValue> item, ItemFields fields) {
            String name = fields.attribute(UPDATED_AT);
            if (name == null) {
                return;
            }
            AttributeValue value = item.get(name);
            if (value != null && value.nul() == null) {
                Object converted = fields.converter(UPDATED_AT).fromAttributeValue(value);
                if (converted == null || converted instanceof Instant) {
                    model.updatedAt = (Instant) converted;
                    return;
                }
            }
            fields.read(UPDATED_AT, model, value); // absent, NULL, or a value of another type: the schema's way
        }

        @Override
        public void writeItem(Object instance, Map<String, AttributeValue> item, ItemFields fields) {
            Model<?> model = (Model<?>) instance;
            writeId(model, item, fields);
            writeCreatedAt(model, item, fields);
            writeUpdatedAt(model, item, fields);
        }

        private static void writeId(Model<?> model, Map<String, AttributeValue> item, ItemFields fields) {
            String name = fields.attribute(ID);
            if (name != null && model.id != null) {
                put(item, name, fields.direct(ID) ? fields.converter(ID).toAttributeValue(model.id) : fields.write(ID, model.id));
            }
        }

        private static void writeCreatedAt(Model<?> model, Map<String, AttributeValue> item, ItemFields fields) {
            String name = fields.attribute(CREATED_AT);
            if (name != null && model.createdAt != null) {
                put(item, name, fields.direct(CREATED_AT) ? fields.converter(CREATED_AT).toAttributeValue(model.createdAt)
                        : fields.write(CREATED_AT, model.createdAt));
            }
        }

        private static void writeUpdatedAt(Model<?> model, Map<String, AttributeValue> item, ItemFields fields) {
            String name = fields.attribute(UPDATED_AT);
            if (name != null && model.updatedAt != null) {
                put(item, name, fields.direct(UPDATED_AT) ? fields.converter(UPDATED_AT).toAttributeValue(model.updatedAt)
                        : fields.write(UPDATED_AT, model.updatedAt));
            }
        }

        private static void put(Map<String, AttributeValue> item, String name, AttributeValue value) {
            if (value != null) {
                item.put(name, value);
            }
        }

        private static IndexOutOfBoundsException noField(int index) {
            return new IndexOutOfBoundsException("Model: no own field at index " + index);
        }
    }

    /** Sets every declared {@code @Default}; field initializers of the subclass run after and win. */
    protected Model() {
        if (!ModelSchema.prototyping(getClass())) {
            Schemas.structure(getClass()).applyDefaults(this); // defaults need no converters, nor a session
        }
    }

    /**
     * The finder for a model class, for its static {@code find} field:
     * {@code public static final Finder<User> find = finder(User.class);}. Cheap: the schema is
     * built on first use.
     *
     * @param <M> the model type
     * @param type the model class
     * @return a finder on the default session
     */
    protected static <M extends Model<M>> Finder<M> finder(Class<M> type) {
        return new Finder<>(type, null);
    }

    /**
     * The finder for a subclass in a single-table hierarchy, for its static {@code find} field:
     * {@code public static final Finder<Car> find = subFinder(Car.class);}. Every read, count and
     * write over a query through it is restricted to the class and its subclasses (see
     * docs/inheritance.md). {@link #finder(Class)} cannot type it: {@code Car} is a
     * {@code Model<Vehicle>}.
     *
     * @param <M> the subclass
     * @param type the subclass, listed in its root's {@code @Table(subtypes)} or permitted by a sealed class
     * @return a finder on the default session
     * @throws dev.dynarecord.exception.ModelDefinitionException when the class is in no single-table hierarchy
     */
    protected static <M extends Model<?>> Finder<M> subFinder(Class<M> type) {
        Hierarchy.requireMember(type);
        return new Finder<>(type, null);
    }

    /**
     * The record's id: the magic {@code id} (a UUID string once saved, whether it is the hash key or,
     * for a composite-key child, the range key) or the model's own hash key field.
     *
     * @return the hash key value, or null before it is set or generated
     */
    public Object id() {
        return schema().idAttribute().get(this);
    }

    /**
     * The primary key.
     *
     * @return the key
     * @throws dev.dynarecord.exception.InvalidKeyException when the hash key is not set yet
     */
    public Key key() {
        ModelSchema<?> schema = schema();
        Object hash = schema.hashKey().get(this);
        if (hash == null) {
            throw new dev.dynarecord.exception.InvalidKeyException(getClass().getSimpleName()
                    + " has no key yet; save it first or set " + schema.hashKey().fieldName());
        }
        return new Key(hash, schema.rangeKey().map(r -> r.get(this)).orElse(null));
    }

    /** @return when the record was first saved, or null before that (or when timestamps are off) */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when the record was last saved, or null before that (or when timestamps are off) */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Validates and saves the record, running its callbacks: a conditional PutItem for a new record
     * (never overwriting an existing item with the same key), an UpdateItem of the changed
     * attributes only for a persisted one (nothing changed: no request), guarded by the lock version.
     *
     * <p>Order: before_validation, validations, after_validation, before_save, before_create or
     * before_update, the write, after_create or after_update, after_save.
     *
     * @return {@code true} when saved; {@code false} when invalid ({@link #errors()} says why) or a
     *     before-callback returned {@code false}; nothing was written then
     * @throws dev.dynarecord.exception.RecordNotUniqueException when a new record's key is taken
     * @throws dev.dynarecord.exception.StaleRecordException when someone else saved the item since it was loaded
     */
    public boolean save() {
        return session().save(self());
    }

    /**
     * Saves the record or throws.
     *
     * @return this record
     * @throws dev.dynarecord.exception.RecordInvalidException when invalid, carrying the errors
     * @throws dev.dynarecord.exception.RecordNotSavedException when a before-callback aborted, or it was not saved
     */
    public T saveOrThrow() {
        session().saveOrThrow(self());
        return self();
    }

    /**
     * Saves only if a condition on the stored item holds, checked by DynamoDB with the write:
     *
     * <pre>{@code
     * user.save(WriteCondition.where("plan", "FREE"));            // ConditionFailedException otherwise
     * user.save(WriteCondition.unlessExists("externalId"));
     * }</pre>
     *
     * With nothing changed nothing is sent, so nothing is checked.
     *
     * @param condition the condition
     * @return {@code true} when saved; {@code false} when invalid or aborted by a callback
     * @throws dev.dynarecord.exception.ConditionFailedException when the condition is false; nothing was written
     */
    public boolean save(dev.dynarecord.lifecycle.WriteCondition condition) {
        return session().save(self(), condition);
    }

    /**
     * @param condition the condition, see {@link #save(dev.dynarecord.lifecycle.WriteCondition)}
     * @return this record
     * @throws dev.dynarecord.exception.ConditionFailedException when the condition is false; nothing was written
     */
    public T saveOrThrow(dev.dynarecord.lifecycle.WriteCondition condition) {
        session().saveOrThrow(self(), condition);
        return self();
    }

    /**
     * Applies changes and saves.
     *
     * <pre>{@code user.update(u -> { u.name = "Jo"; u.rank = 3; });}</pre>
     *
     * @param changes what to change
     * @return {@code true} when saved
     */
    public boolean update(Consumer<? super T> changes) {
        changes.accept(self());
        return save();
    }

    /**
     * Applies changes and saves, or throws.
     *
     * @param changes what to change
     * @return this record
     */
    public T updateOrThrow(Consumer<? super T> changes) {
        changes.accept(self());
        return saveOrThrow();
    }

    /**
     * Deletes the record's item and marks the record destroyed, running before_destroy and
     * after_destroy; with optimistic locking, only if nobody saved the item since it was loaded.
     *
     * @return {@code true} when destroyed; {@code false} when a before_destroy callback returned {@code false}
     * @throws dev.dynarecord.exception.StaleRecordException when the item changed since it was loaded
     */
    public boolean destroy() {
        return session().destroy(self());
    }

    /**
     * Destroys the record only if a condition on the stored item holds.
     *
     * @param condition the condition, e.g. {@code WriteCondition.where("status", "archived")}
     * @return {@code true} when destroyed
     * @throws dev.dynarecord.exception.ConditionFailedException when the condition is false; nothing was deleted
     */
    public boolean destroy(dev.dynarecord.lifecycle.WriteCondition condition) {
        return session().destroy(self(), condition);
    }

    /** Deletes the record's item without callbacks or lock check, and marks the record destroyed. */
    public void delete() {
        session().delete(self());
    }

    /**
     * Reads the item again (strongly consistent) and replaces every field with what is stored.
     *
     * @return this record
     * @throws dev.dynarecord.exception.RecordNotFoundException when the item no longer exists
     */
    public T reload() {
        session().reload(self());
        return self();
    }


    /** @return whether the record has never been saved (nor loaded) */
    public boolean isNewRecord() {
        return !state.persisted() && !state.destroyed();
    }

    /** @return whether the record is saved and not destroyed */
    public boolean isPersisted() {
        return state.persisted() && !state.destroyed();
    }

    /** @return whether the record was destroyed or deleted */
    public boolean isDestroyed() {
        return state.destroyed();
    }

    /**
     * Binds this record to a session: it is saved, reloaded and destroyed there.
     *
     * @param session the session
     * @return this record
     */
    public T using(Session session) {
        state.bind(Objects.requireNonNull(session, "session"));
        return self();
    }

    /** @return the session this record uses: the one it was loaded from or bound to, else the default */
    public Session session() {
        Session bound = state.session();
        return bound != null ? bound : Dynarecord.session();
    }

    // ---- Associations ----

    /**
     * Declares a has-many association, as the initializer of a final field:
     * {@code final HasMany<Address> addresses = hasMany(Address.class);}. The associated model
     * declares the {@link BelongsTo} holding this model's key.
     *
     * @param <A> the associated model
     * @param type the associated model class
     * @return the association of this record
     */
    protected final <A extends Model<?>> HasMany<A> hasMany(Class<A> type) {
        return new HasMany<>(this, type);
    }

    /**
     * Declares a belongs-to association: {@code final BelongsTo<User> user = belongsTo(User.class);}.
     * This model keeps the owner's key in a foreign-key attribute ({@code userId}) with an index over it.
     *
     * @param <A> the owner's model
     * @param type the owner's model class
     * @return the association of this record
     */
    protected final <A extends Model<?>> BelongsTo<A> belongsTo(Class<A> type) {
        return new BelongsTo<>(this, type);
    }

    /**
     * Declares a has-one association: {@code final HasOne<Role> role = hasOne(Role.class);}. The
     * associated model declares the {@link BelongsTo} holding this model's key.
     *
     * @param <A> the associated model
     * @param type the associated model class
     * @return the association of this record
     */
    protected final <A extends Model<?>> HasOne<A> hasOne(Class<A> type) {
        return new HasOne<>(this, type);
    }

    /**
     * Declares a has-and-belongs-to-many association, kept in a join table:
     * {@code final HasAndBelongsToMany<User> friends = hasAndBelongsToMany(User.class).inverseOf("friendingUsers");}.
     *
     * @param <A> the linked model
     * @param type the linked model class
     * @return the association of this record
     */
    protected final <A extends Model<?>> HasAndBelongsToMany<A> hasAndBelongsToMany(Class<A> type) {
        return new HasAndBelongsToMany<>(this, type);
    }

    // ---- Validation ----

    /**
     * Custom validation rules, run on every save after the Bean Validation constraints:
     *
     * <pre>{@code
     * @Override protected void validate(Errors errors) {
     *     if (rank < 0) errors.add("rank", "must be >= 0");
     * }
     * }</pre>
     *
     * @param errors where to add what is wrong
     */
    protected void validate(Errors errors) {
    }

    /** @return the errors of the last validation (a save or {@link #isValid()}); empty before any */
    public Errors errors() {
        return state.errors();
    }

    /**
     * Runs the validations (and the validation callbacks) without saving.
     *
     * @return whether the record is valid; {@link #errors()} says why not
     */
    public boolean isValid() {
        return session().validate(self());
    }

    /** @return the lock version read or written last (0 for a new record, or without optimistic locking) */
    public long lockVersion() {
        return state.lockVersion();
    }

    /**
     * Writes {@code updatedAt = now} only (no validations, no save callbacks), with the lock version
     * checked and incremented, then runs after_touch.
     *
     * @return this record
     * @throws dev.dynarecord.exception.RecordNotSavedException for a new record
     * @throws dev.dynarecord.exception.StaleRecordException when the item changed since it was loaded
     */
    public T touch() {
        session().touch(self());
        return self();
    }

    /**
     * Whether this record was loaded with {@code project(...)}: only some attributes were read, so it
     * refuses to be saved (that would remove the others). {@link #reload()} loads it whole.
     *
     * @return whether only some attributes were loaded
     */
    public boolean isPartial() {
        return state.partial();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** The class's structure: fields and keys, no converters (what needs no session). */
    private ModelSchema<?> schema() {
        return Schemas.structure(getClass());
    }
}
