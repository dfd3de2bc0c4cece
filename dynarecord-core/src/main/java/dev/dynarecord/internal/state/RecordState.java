package dev.dynarecord.internal.state;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.internal.schema.ModelSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A record's persistence state: whether it is new, persisted, destroyed or partial, the session it
 * belongs to, the item it was loaded from or last wrote (the baseline of dirty tracking), its lock
 * version, its last errors, and the links waiting for its first save. Every change to that state
 * goes through the methods here; the record itself only reads it.
 */
public final class RecordState {

    private static volatile Access access;

    private Session session;
    private Map<String, AttributeValue> storedKey;
    private boolean persisted;
    private boolean destroyed;
    private boolean partial;
    private List<Runnable> afterCreate;

    /** The item as loaded or last written; null for a new record. */
    private Map<String, AttributeValue> baseline;
    /** Whether {@link #baseline} is in {@code toItem} form already (a loaded item is not, until needed). */
    private boolean normalised;
    private Map<String, dev.dynarecord.lifecycle.Change> previousChanges;
    /** The last write, kept to compute the previous changes only when asked: before, after, names written. */
    private Map<String, AttributeValue> previousBase;
    private Map<String, AttributeValue> previousItem;
    private List<String> previousNames;
    private long lockVersion;
    /** Whether the last write failed without an answer and may have been applied. */
    private boolean outcomeUnknown;
    private Errors errors;

    /** What the engine reaches in a record that is not part of its public API. */
    public interface Access {
        /** @return the record's state */
        RecordState state(Model<?> record);

        /** Runs the record's own {@code validate(Errors)}. */
        void validate(Model<?> record, Errors errors);
    }

    /**
     * Called once, by {@link Model}'s static initialiser.
     *
     * @param reader reads a record's state and runs its validation
     */
    public static void install(Access reader) {
        if (access != null) {
            throw new IllegalStateException("the record state reader is installed already");
        }
        access = reader;
    }

    /**
     * @param record any record
     * @return its state
     */
    public static RecordState of(Model<?> record) {
        return access.state(record);
    }

    /** Runs a record's own {@code validate(Errors)} (protected, for subclasses to override). */
    public static void validate(Model<?> record, Errors errors) {
        access.validate(record, errors);
    }

    // ---- Reading ----

    public Session session() {
        return session;
    }

    public boolean persisted() {
        return persisted;
    }

    public boolean destroyed() {
        return destroyed;
    }

    public boolean partial() {
        return partial;
    }

    public long lockVersion() {
        return lockVersion;
    }

    /** @return the errors of the last validation, created empty when first asked */
    public Errors errors() {
        if (errors == null) {
            errors = new Errors();
        }
        return errors;
    }

    /**
     * @param schema the record's schema
     * @param record the record
     * @return the key of the item the record was loaded from or last saved to, or null when new
     */
    public Map<String, AttributeValue> storedKey(ModelSchema<?> schema) {
        if (storedKey == null && persisted && baseline != null) {
            // A loaded record's key is taken from its item when first needed: most loaded records are only read.
            storedKey = schema.keyFromItem(baseline);
        }
        return storedKey;
    }

    /**
     * @param schema the record's schema
     * @return the baseline, in {@code toItem} form; empty for a new record
     */
    public Map<String, AttributeValue> baseline(ModelSchema<?> schema) {
        if (baseline == null) {
            return Map.of();
        }
        if (!normalised) {
            Object fresh = schema.newInstance();
            schema.readItem(baseline, fresh);
            baseline = schema.toItem(fresh);
            normalised = true;
        }
        return baseline;
    }

    /**
     * @param schema the record's schema
     * @return the changes the last save wrote (empty before any save)
     */
    public Map<String, dev.dynarecord.lifecycle.Change> previousChanges(ModelSchema<?> schema) {
        if (previousChanges == null && previousItem != null) {
            previousChanges = DirtyTracking.written(schema, previousBase, previousItem, previousNames);
        }
        return previousChanges == null ? Map.of() : previousChanges;
    }

    // ---- Changing ----

    /** The record is used with this session from now on. */
    public void bind(Session to) {
        this.session = to;
    }

    /**
     * The record was read from an item.
     *
     * @param from the session that read it (kept unless it is the default and the record has none)
     * @param item the item as read
     * @param key its key, or null to take it from the item when first needed
     * @param version the lock version stored in the item (0 when none)
     * @param partialRead whether only some attributes were read
     */
    public void loaded(Session from, boolean fromDefault, Map<String, AttributeValue> item, Map<String, AttributeValue> key,
            long version, boolean partialRead) {
        baseline = item;
        normalised = false;
        previousChanges = null;
        previousItem = null;
        lockVersion = version;
        markPersisted(from, fromDefault, key);
        partial = partialRead;
    }

    /**
     * The record was written.
     *
     * @param from the session that wrote it
     * @param before the item before the write (empty for a new record)
     * @param item the item written, in {@code toItem} form
     * @param names the attributes written, or null for all
     * @param key the item's key
     */
    public void written(Session from, boolean fromDefault, Map<String, AttributeValue> before, Map<String, AttributeValue> item,
            List<String> names, Map<String, AttributeValue> key) {
        baseline = item;
        normalised = true;
        previousChanges = null;
        previousBase = before;
        previousItem = item;
        previousNames = names;
        markPersisted(from, fromDefault, key);
    }

    /** A save found nothing to write. */
    public void unchanged() {
        previousChanges = Map.of();
        previousItem = null;
    }

    /** @param version the lock version now stored */
    public void lockVersion(long version) {
        lockVersion = version;
    }

    /** @param item the new baseline (an atomic change of one attribute, a touch), in {@code toItem} form */
    public void rebase(Map<String, AttributeValue> item) {
        baseline = item;
        normalised = true;
    }

    /**
     * A touch wrote only {@code updatedAt}.
     *
     * @param item the new baseline, in {@code toItem} form
     * @param changes what the touch changed
     */
    public void touched(Map<String, AttributeValue> item, Map<String, dev.dynarecord.lifecycle.Change> changes) {
        rebase(item);
        previousChanges = changes;
        previousItem = null;
    }

    /** Takes the stored state of another instance of the same item (a detached child following its stored copy). */
    public void follow(RecordState stored) {
        baseline = stored.baseline;
        normalised = stored.normalised;
        lockVersion = stored.lockVersion;
    }

    public void destroyed(boolean value) {
        destroyed = value;
    }

    /**
     * @return whether the record's last write failed without an answer and may have been applied: the
     *     next write of the record repeats it and recognises it if it was
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** @param unknown whether the last write may have been applied although it failed */
    public void outcomeUnknown(boolean unknown) {
        outcomeUnknown = unknown;
    }

    private void markPersisted(Session from, boolean fromDefault, Map<String, AttributeValue> key) {
        outcomeUnknown = false;
        if (session != null || !fromDefault) {
            session = from;
        }
        storedKey = key;
        persisted = true;
        destroyed = false;
        partial = false;
    }

    /** Runs once, after the record is first saved: links made before it had a key. */
    public void afterCreate(Runnable action) {
        if (afterCreate == null) {
            afterCreate = new ArrayList<>(1);
        }
        afterCreate.add(action);
    }

    /** @return the actions waiting for the first save, now cleared */
    public List<Runnable> takeAfterCreate() {
        List<Runnable> actions = afterCreate == null ? List.of() : afterCreate;
        afterCreate = null;
        return actions;
    }
}
