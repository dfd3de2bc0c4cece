package dev.dynarecord.internal.dynamo;

import dev.dynarecord.query.Condition;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a write requires of the item already stored under its key: whether it must exist, the lock
 * version it must still have, and the user's conditions. A guard renders the request's condition
 * expression; when DynamoDB refuses the write, {@link ConditionDiagnosis} reads the item as it is
 * now and asks the guard which of its parts did not hold.
 *
 * @param existence what the write requires of the item's existence
 * @param hashKey the table's hash key attribute (for {@code attribute_exists}); may be null when existence is EITHER
 * @param lockAttribute the lock version attribute, or null when the version is not checked
 * @param expectedVersion the version the record was read with; 0 when the item has none yet
 * @param conditions the user's conditions, checked and converted, ANDed
 */
public record Guard(Existence existence, String hashKey, String lockAttribute, long expectedVersion, List<Condition> conditions) {

    /** What a write requires of the item's existence. */
    public enum Existence {
        /** The key must be free: a new record never overwrites a stored one. */
        MUST_BE_ABSENT,
        /** The item must exist: a saved record's changes, an atomic update. */
        MUST_EXIST,
        /** Either way: an upsert, an unconditional put or delete. */
        EITHER,
        /** An item already gone is the write's purpose met; a stored one must pass the rest: a destroy. */
        ABSENT_OR_HOLDS
    }

    /**
     * @param existence what the write requires of the item's existence
     * @param hashKey the hash key attribute
     * @param lockAttribute the lock attribute, or null
     * @param expectedVersion the version read
     * @param conditions the user's conditions
     */
    public Guard {
        Objects.requireNonNull(existence, "existence");
        if (existence != Existence.EITHER) {
            Objects.requireNonNull(hashKey, "hashKey");
        }
        conditions = List.copyOf(conditions);
    }

    private static final Guard NONE = new Guard(Existence.EITHER, null, null, 0, List.of());

    /** @return the guard of an unconditional write: it requires nothing */
    public static Guard none() {
        return NONE;
    }

    /**
     * @param hashKey the hash key attribute
     * @param conditions the user's conditions, evaluated against the absent item
     * @return the guard of a new record: its key free
     */
    public static Guard newRecord(String hashKey, List<Condition> conditions) {
        return new Guard(Existence.MUST_BE_ABSENT, hashKey, null, 0, conditions);
    }

    /**
     * @param hashKey the hash key attribute
     * @param lockAttribute the lock attribute, or null
     * @param expectedVersion the version read
     * @param conditions the user's conditions
     * @return the guard of a saved record's changes: the item still there, unchanged by others
     */
    public static Guard stored(String hashKey, String lockAttribute, long expectedVersion, List<Condition> conditions) {
        return new Guard(Existence.MUST_EXIST, hashKey, lockAttribute, expectedVersion, conditions);
    }

    /**
     * @param hashKey the hash key attribute
     * @param lockAttribute the lock attribute, or null
     * @param expectedVersion the version read
     * @param conditions the user's conditions
     * @return the guard of a destroy: nothing to do when the item is gone, else unchanged by others
     */
    public static Guard destroying(String hashKey, String lockAttribute, long expectedVersion, List<Condition> conditions) {
        return new Guard(Existence.ABSENT_OR_HOLDS, hashKey, lockAttribute, expectedVersion, conditions);
    }

    /** @return whether the write carries no condition at all */
    public boolean isEmpty() {
        return (existence == Existence.EITHER || existence == Existence.ABSENT_OR_HOLDS) && !checksVersion()
                && conditions.isEmpty();
    }

    /** @return how many parts of the condition can fail; with one, a refusal needs no read to be explained */
    int failingParts() {
        int parts = existence == Existence.MUST_BE_ABSENT || existence == Existence.MUST_EXIST ? 1 : 0;
        if (checksVersion()) {
            parts++;
        }
        return conditions.isEmpty() ? parts : parts + 1;
    }

    /** @return whether the lock version is part of the condition (a new record has none to check) */
    boolean checksVersion() {
        return lockAttribute != null && existence != Existence.MUST_BE_ABSENT;
    }

    /**
     * Renders the condition with the request's placeholders.
     *
     * @param p the request's placeholders
     * @return the condition expression, or null when the write is unconditional
     */
    public String expression(ExpressionNames p) {
        // Placeholders are numbered in the order they appear in the expression, so requests read naturally.
        return switch (existence) {
            case MUST_BE_ABSENT -> {
                String head = "attribute_not_exists(" + p.name(hashKey) + ")";
                yield and(head, rest(p));
            }
            case MUST_EXIST -> {
                String head = "attribute_exists(" + p.name(hashKey) + ")";
                yield and(head, rest(p));
            }
            case EITHER -> rest(p);
            case ABSENT_OR_HOLDS -> {
                if (isEmpty()) {
                    yield null;
                }
                String head = "attribute_not_exists(" + p.name(hashKey) + ")";
                // without a lock part the rest is the user's parenthesised conditions: DynamoDB refuses redundant parentheses
                yield head + " OR " + (checksVersion() ? "(" + rest(p) + ")" : rest(p));
            }
        };
    }

    /** @return the lock and user parts, ANDed, or null */
    private String rest(ExpressionNames p) {
        String lock = null;
        if (checksVersion()) {
            // Version 0 is "none yet": no attribute, or a 0 that another mapper wrote on create (OceanDynamo does).
            String name = p.name(lockAttribute);
            lock = expectedVersion == 0 ? "(attribute_not_exists(" + name + ") OR " + name + " = " + p.value(AttributeValue.fromN("0")) + ")"
                    : name + " = " + p.value(AttributeValue.fromN(Long.toString(expectedVersion)));
        }
        String user = conditions.isEmpty() ? null : "(" + ConditionExpressions.render(conditions, p) + ")";
        return lock == null ? user : and(lock, user);
    }

    private static String and(String a, String b) {
        return b == null ? a : a + " AND " + b;
    }

    /** @return the user's conditions as text, for messages ("score > 3 AND name = 'x'"), or empty */
    public String conditionText() {
        return conditions.stream().map(Condition::toString).collect(Collectors.joining(" AND "));
    }

    /**
     * @param stored the item stored now
     * @return the lock version it holds (0 when it has none)
     */
    long storedVersion(java.util.Map<String, AttributeValue> stored) {
        AttributeValue v = stored.get(lockAttribute);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}
