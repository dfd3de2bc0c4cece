package dev.dynarecord.annotation;

import dev.dynarecord.types.TimeFormat;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table a model lives in, and its keys. Optional: without it a model is stored in a table named
 * after the class (snake case, plural: {@code OrderLine} in {@code order_lines}) with the magic
 * {@code id} as hash key, inside the configured namespace.
 *
 * <pre>{@code
 * @Table(name = "awesome_users", key = "userId", readCapacity = 400, writeCapacity = 400)
 * public class User extends Model<User> { @Field String userId; ... }
 *
 * @Table(name = "sessions", ttl = "expiresAt", expiresIn = "P1D", stream = StreamView.KEYS_ONLY,
 *        pointInTimeRecovery = Toggle.ON)
 * public class WebSession extends Model<WebSession> {
 *     @Field(timeFormat = TimeFormat.EPOCH_SECONDS) Instant expiresAt;
 * }
 * }</pre>
 *
 * <p>The table options ({@link #ttl()}, {@link #stream()}, {@link #pointInTimeRecovery()}) are
 * applied when Dynarecord creates the table, and made to match by {@code session.tables().sync(...)};
 * {@code describe(...)} shows them. See docs/tables.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** @return the table's base name (before namespace and suffix); empty to derive it from the class */
    String name() default "";

    /** @return the field that is the hash (partition) key; empty for a {@link HashKey} field or the magic {@code id} */
    String key() default "";

    /** @return the field that is the range (sort) key; empty for a {@link RangeKey} field or none */
    String rangeKey() default "";

    /** @return read capacity units when the table is created with provisioned billing; 0 for the configured default */
    long readCapacity() default 0;

    /** @return write capacity units when the table is created with provisioned billing; 0 for the configured default */
    long writeCapacity() default 0;

    /** @return whether Dynarecord keeps {@code createdAt} and {@code updatedAt} for this model */
    boolean timestamps() default true;

    /**
     * How this model's attribute names derive from its field names (and the names of its
     * timestamps and lock version attribute, unless given here); {@code @Field(name)} always wins.
     *
     * @return the naming; {@link AttributeNaming#CONFIGURED} for the session's
     */
    AttributeNaming naming() default AttributeNaming.CONFIGURED;

    /**
     * @return the attribute of the creation timestamp (OceanDynamo's {@code timestamps: [:created_at, ...]});
     *     empty for {@code createdAt} as the naming gives it
     */
    String createdAt() default "";

    /** @return the attribute of the update timestamp; empty for {@code updatedAt} as the naming gives it */
    String updatedAt() default "";

    /**
     * How the timestamps are stored: {@code {TimeFormat.EPOCH_SECONDS}} for the numbers with a
     * fraction that Dynamoid and OceanDynamo write. At most one value.
     *
     * @return the format; empty for the session's ({@code ISO_8601} unless configured)
     */
    TimeFormat[] timestampFormat() default {};

    /**
     * @return whether saves and destroys of this model are guarded by optimistic locking (a
     *     {@code lockVersion} attribute checked and incremented by every write); on by default, as in
     *     OceanDynamo, unless the configuration turns it off everywhere
     */
    boolean locking() default true;

    /**
     * @return the lock version attribute's name for this model; empty for the configured one
     *     ({@code lockVersion}) as the naming gives it ({@code lock_version} in snake case)
     */
    String lockVersion() default "";

    /**
     * The attribute DynamoDB's Time to Live reads: a field of epoch seconds ({@code Instant},
     * {@code OffsetDateTime} or {@code ZonedDateTime} with {@code @Field(timeFormat = EPOCH_SECONDS)},
     * or a {@code Long}), by field or attribute name. DynamoDB deletes an item some time after that
     * moment (typically within days); until then Dynarecord's reads hide it (queries with a filter,
     * reads by key by checking the item), unless {@code includeExpired()} asks for it.
     *
     * @return the field holding the expiry time; empty for none
     */
    String ttl() default "";

    /**
     * How long a new record lives: an ISO-8601 duration ({@code "P1D"}, {@code "PT12H"},
     * {@code "P30DT6H"}), added to the time of its first save when its {@link #ttl()} field is null
     * (Dynamoid's {@code expires in:}). Needs {@link #ttl()}.
     *
     * @return the duration; empty to leave the field as the record has it
     */
    String expiresIn() default "";

    /** @return the table's DynamoDB stream; {@link StreamView#UNMANAGED} to leave it as the table has it */
    StreamView stream() default StreamView.UNMANAGED;

    /**
     * Point-in-time recovery (continuous backups, {@code UpdateContinuousBackups}): DynamoDB keeps
     * the last 35 days so that the table can be restored to any second of them.
     *
     * @return {@link Toggle#ON} or {@link Toggle#OFF}; {@link Toggle#UNMANAGED} to leave it as the table has it
     */
    Toggle pointInTimeRecovery() default Toggle.UNMANAGED;

    /**
     * Write partitioning (Dynamoid's): each save writes the whole record to one of
     * {@link #partitionSize()} copies of its hash key ({@code <id>.0} … {@code <id>.<n-1>}), chosen at
     * random, so that the writes of a hot record are spread over DynamoDB partitions; each read by key
     * fetches every copy in one BatchGetItem and keeps the newest (the highest lock version). For
     * hash-only models with a generated key, optimistic locking's version and no local index;
     * conditional and atomic writes and transactions are refused. See docs/partitioning.md.
     *
     * @return {@link Partitioning#ON} or {@link Partitioning#OFF}; {@link Partitioning#SESSION} for the
     *     session's ({@code Config.partitioning})
     */
    Partitioning partitioning() default Partitioning.SESSION;

    /** @return how many copies a partitioned record has, 1 to 1000; 0 for the session's ({@code Config.partitionSize}, 200) */
    int partitionSize() default 0;

    /**
     * The subclasses that share this model's table (single-table inheritance, Dynamoid's STI): each
     * must extend this class, directly or through another listed class. A {@code sealed} model's
     * permitted subclasses are included without being listed. Only the root of a hierarchy (the class
     * that extends {@code Model} of itself) declares it; its subclasses have no {@code @Table}.
     *
     * <pre>{@code
     * @Table(name = "vehicles", subtypes = {Car.class, Truck.class, SportsCar.class})
     * public class Vehicle extends Model<Vehicle> { ... }
     * public class Car extends Vehicle { public static final Finder<Car> find = subFinder(Car.class); ... }
     * }</pre>
     *
     * <p>See docs/inheritance.md.
     *
     * @return the subclasses; empty for a model of its own (unless it is sealed)
     */
    Class<?>[] subtypes() default {};

    /**
     * The attribute that stores which class of a hierarchy an item is ({@link #subtypes()}); its
     * values are the classes' {@link DiscriminatorValue}s, by default their simple names, as Dynamoid
     * stores them. Used only by the root of a hierarchy.
     *
     * @return the attribute name; {@code "type"} by default, as Dynamoid's
     */
    String discriminator() default "type";
}
