package dev.dynarecord.annotation;

/**
 * What happens to an association's records when their owner is destroyed, or when a has-one
 * association is given a new record: ActiveRecord's {@code dependent:} option.
 *
 * <pre>{@code final HasMany<Topic> topics = hasMany(Topic.class).dependent(Dependent.DESTROY);}</pre>
 */
public enum Dependent {
    /** Nothing: the records stay, still pointing at the owner's key. The default. */
    NONE,
    /** Each record is destroyed with its callbacks (and its own dependents), one page at a time. */
    DESTROY,
    /** The records' items are deleted in batches of 25, without callbacks. */
    DELETE,
    /** The records stay, with their foreign key removed. Not possible for composite-key children. */
    NULLIFY
}
