package dev.dynarecord;

/**
 * How a read is made. {@code import static dev.dynarecord.ReadOptions.consistent;} then
 * {@code User.find.byId(id, consistent())}, or {@code User.find.byIds(ids, consistent().andStrict())}.
 *
 * @param consistentRead whether the read is strongly consistent (sees every write acknowledged before it)
 * @param requireAll for reads of many keys ({@code byIds}, {@code byKeys}): whether a key without an
 *     item is an error rather than simply absent from the result; a read of one key always requires it
 * @param includesExpired for a model with {@code @Table(ttl = ...)}: whether an item whose TTL has
 *     passed, but which DynamoDB has not deleted yet, is returned; by default it is treated as absent
 */
public record ReadOptions(boolean consistentRead, boolean requireAll, boolean includesExpired) {

    private static final ReadOptions CONSISTENT = new ReadOptions(true, false);
    private static final ReadOptions EVENTUAL = new ReadOptions(false, false);

    /**
     * @param consistentRead whether the read is strongly consistent
     * @param requireAll whether a key without an item is an error, for reads of many keys
     */
    public ReadOptions(boolean consistentRead, boolean requireAll) {
        this(consistentRead, requireAll, false);
    }

    /**
     * @param consistentRead whether the read is strongly consistent
     */
    public ReadOptions(boolean consistentRead) {
        this(consistentRead, false);
    }

    /** @return a strongly consistent read (costs twice the read capacity of an eventual one) */
    public static ReadOptions consistent() {
        return CONSISTENT;
    }

    /** @return an eventually consistent read, DynamoDB's default */
    public static ReadOptions eventual() {
        return EVENTUAL;
    }

    /**
     * @return an eventually consistent read of many keys that throws
     *     {@link dev.dynarecord.exception.RecordNotFoundException}, naming the keys, when some have no item
     */
    public static ReadOptions strict() {
        return new ReadOptions(false, true);
    }

    /**
     * {@code WebSession.find.byId(id, includeExpired())}: an eventually consistent read that also
     * returns an item whose TTL has passed (DynamoDB deletes expired items only eventually, up to
     * days later).
     *
     * @return the options
     */
    public static ReadOptions includeExpired() {
        return new ReadOptions(false, false, true);
    }

    /** @return these options, requiring every key to have an item */
    public ReadOptions andStrict() {
        return new ReadOptions(consistentRead, true, includesExpired);
    }

    /** @return these options, also returning items whose TTL has passed: {@code consistent().andIncludeExpired()} */
    public ReadOptions andIncludeExpired() {
        return new ReadOptions(consistentRead, requireAll, true);
    }
}
