package dev.dynarecord;

/**
 * How a read is made. {@code import static dev.dynarecord.ReadOptions.consistent;} then
 * {@code User.find.byId(id, consistent())}.
 *
 * @param consistentRead whether the read is strongly consistent (sees every write acknowledged before it)
 */
public record ReadOptions(boolean consistentRead) {

    private static final ReadOptions CONSISTENT = new ReadOptions(true);
    private static final ReadOptions EVENTUAL = new ReadOptions(false);

    /** @return a strongly consistent read (costs twice the read capacity of an eventual one) */
    public static ReadOptions consistent() {
        return CONSISTENT;
    }

    /** @return an eventually consistent read, DynamoDB's default */
    public static ReadOptions eventual() {
        return EVENTUAL;
    }
}
