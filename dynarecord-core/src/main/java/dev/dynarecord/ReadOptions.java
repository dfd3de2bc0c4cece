package dev.dynarecord;

/**
 * How a read is made. {@code import static dev.dynarecord.ReadOptions.consistent;} then
 * {@code User.find.byId(id, consistent())}, or {@code User.find.byIds(ids, consistent().andStrict())}.
 *
 * @param consistentRead whether the read is strongly consistent (sees every write acknowledged before it)
 * @param requireAll for reads of many keys ({@code byIds}, {@code byKeys}): whether a key without an
 *     item is an error rather than simply absent from the result; a read of one key always requires it
 */
public record ReadOptions(boolean consistentRead, boolean requireAll) {

    private static final ReadOptions CONSISTENT = new ReadOptions(true, false);
    private static final ReadOptions EVENTUAL = new ReadOptions(false, false);

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

    /** @return these options, requiring every key to have an item */
    public ReadOptions andStrict() {
        return new ReadOptions(consistentRead, true);
    }
}
