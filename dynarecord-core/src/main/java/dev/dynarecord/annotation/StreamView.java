package dev.dynarecord.annotation;

/**
 * The DynamoDB stream of a model's table, as {@code @Table(stream = ...)} declares it: what each
 * stream record holds when an item changes (DynamoDB's {@code StreamViewType}), or no stream.
 * {@code session.tables().create(...)} creates the table with it; {@code sync(...)} turns the stream
 * on, off or to another view to match (a new view is a new stream: DynamoDB turns the old one off
 * first, and its records stay readable for 24 hours).
 *
 * <pre>{@code
 * @Table(name = "orders", stream = StreamView.NEW_AND_OLD_IMAGES)
 * public class Order extends Model<Order> { ... }
 * }</pre>
 */
public enum StreamView {
    /** The default: Dynarecord leaves the stream alone. A new table gets none; {@code sync} changes nothing. */
    UNMANAGED,
    /** No stream: {@code sync} turns an existing one off. */
    OFF,
    /** Each stream record holds the changed item's key attributes only. */
    KEYS_ONLY,
    /** Each stream record holds the item as it is after the change. */
    NEW_IMAGE,
    /** Each stream record holds the item as it was before the change. */
    OLD_IMAGE,
    /** Each stream record holds the item before and after the change. */
    NEW_AND_OLD_IMAGES
}
