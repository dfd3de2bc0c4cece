package dev.dynarecord.internal.schema;

/**
 * The moments of a record's life that callbacks can hook, in ActiveRecord's terms. A save runs
 * {@code BEFORE_VALIDATION → (validate) → AFTER_VALIDATION → BEFORE_SAVE → BEFORE_CREATE | BEFORE_UPDATE →
 * (write) → AFTER_CREATE | AFTER_UPDATE → AFTER_SAVE}; a destroy {@code BEFORE_DESTROY → (delete) → AFTER_DESTROY}.
 */
public enum CallbackEvent {
    /** Before validations run. */
    BEFORE_VALIDATION(true),
    /** After validations ran (whatever their outcome). */
    AFTER_VALIDATION(false),
    /** Before a record is written, new or not. */
    BEFORE_SAVE(true),
    /** After a record was written, new or not. */
    AFTER_SAVE(false),
    /** Before a new record is written. */
    BEFORE_CREATE(true),
    /** After a new record was written. */
    AFTER_CREATE(false),
    /** Before a persisted record is written. */
    BEFORE_UPDATE(true),
    /** After a persisted record was written. */
    AFTER_UPDATE(false),
    /** Before a record is deleted. */
    BEFORE_DESTROY(true),
    /** After a record was deleted. */
    AFTER_DESTROY(false),
    /** After a record was built by a finder or loaded. */
    AFTER_INITIALIZE(false),
    /** After a record was loaded from an item. */
    AFTER_FIND(false),
    /** After {@code touch()} wrote {@code updatedAt}. */
    AFTER_TOUCH(false);

    private final boolean before;

    CallbackEvent(boolean before) {
        this.before = before;
    }

    /** @return whether callbacks of this event run before the write and may abort it by returning {@code false} */
    public boolean canAbort() {
        return before;
    }
}
