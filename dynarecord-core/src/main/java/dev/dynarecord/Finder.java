package dev.dynarecord;

import dev.dynarecord.schema.ModelSchema;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds, builds and deletes records of one model class. Each model keeps one in a static field,
 * {@code public static final Finder<User> find = finder(User.class);}, bound to the default
 * session; {@link #using(Session)} gives one bound to another session.
 *
 * <pre>{@code
 * User u = User.find.byId(id);                          // RecordNotFoundException if absent
 * Optional<User> maybe = User.find.byIdOptional(id, consistent());
 * User created = User.find.create(x -> x.name = "Josh");
 * }</pre>
 *
 * <p>Finders are immutable and thread-safe.
 *
 * @param <T> the model type
 */
public final class Finder<T extends Model<T>> {

    private final Class<T> type;
    private final Session session;

    Finder(Class<T> type, Session session) {
        this.type = Objects.requireNonNull(type, "type");
        this.session = session;
    }

    /**
     * @param other the session to use
     * @return a finder for the same model on that session
     */
    public Finder<T> using(Session other) {
        return new Finder<>(type, Objects.requireNonNull(other, "session"));
    }

    /** @return the session this finder uses: its own, else the default one */
    public Session session() {
        return session != null ? session : Dynarecord.session();
    }

    /** @return the model class */
    public Class<T> type() {
        return type;
    }

    /** @return the model's schema: attributes, keys, table definition */
    public ModelSchema<T> schema() {
        return Schemas.of(type);
    }

    /** @return the model's full table name in this finder's session (namespace applied) */
    public String tableName() {
        return session().tableName(type);
    }

    /**
     * Finds a record by hash key.
     *
     * @param hash the hash key value
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash) {
        return session().find(type, hash, null, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param options read options, such as {@code consistent()}
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash, ReadOptions options) {
        return session().find(type, hash, null, options);
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash, Object range) {
        return session().find(type, hash, range, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @param options read options, such as {@code consistent()}
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byId(Object hash, Object range, ReadOptions options) {
        return session().find(type, hash, range, options);
    }

    /**
     * @param key the key
     * @return the record
     * @throws dev.dynarecord.exception.RecordNotFoundException when no item has the key
     */
    public T byKey(Key key) {
        return session().find(type, key.hash(), key.range(), ReadOptions.eventual());
    }

    /**
     * Finds a record by hash key, or nothing.
     *
     * @param hash the hash key value
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash) {
        return session().findOptional(type, hash, null, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param options read options
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash, ReadOptions options) {
        return session().findOptional(type, hash, null, options);
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash, Object range) {
        return session().findOptional(type, hash, range, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @param options read options
     * @return the record, if an item has the key
     */
    public Optional<T> byIdOptional(Object hash, Object range, ReadOptions options) {
        return session().findOptional(type, hash, range, options);
    }

    /**
     * Whether an item has the key, reading only the key attributes.
     *
     * @param hash the hash key value
     * @return whether it exists
     */
    public boolean exists(Object hash) {
        return session().exists(type, hash, null, ReadOptions.eventual());
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @return whether it exists
     */
    public boolean exists(Object hash, Object range) {
        return session().exists(type, hash, range, ReadOptions.eventual());
    }

    /**
     * A new, unsaved record bound to this finder's session, with its defaults set.
     *
     * @return the record
     */
    public T build() {
        return session().build(type);
    }

    /**
     * A new, unsaved record, initialised.
     *
     * @param init sets fields
     * @return the record
     */
    public T build(Consumer<? super T> init) {
        T record = build();
        init.accept(record);
        return record;
    }

    /**
     * Builds, initialises and saves a record.
     *
     * <pre>{@code User u = User.find.create(x -> { x.name = "Josh"; x.rank = 1; });}</pre>
     *
     * @param init sets fields
     * @return the saved record
     * @throws dev.dynarecord.exception.RecordNotSavedException when it was not saved
     */
    public T create(Consumer<? super T> init) {
        return build(init).saveOrThrow();
    }

    /**
     * Deletes the item with this hash key without loading it. Deleting a missing item is not an error.
     *
     * @param hash the hash key value
     */
    public void delete(Object hash) {
        session().deleteByKey(type, hash, null);
    }

    /**
     * Deletes the item with this key without loading it.
     *
     * @param hash the hash key value
     * @param range the range key value
     */
    public void delete(Object hash, Object range) {
        session().deleteByKey(type, hash, range);
    }

    @Override
    public String toString() {
        return "Finder<" + type.getSimpleName() + ">";
    }
}
