package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dynamoid's index declarations, as managed global secondary indexes (projection ALL, the table's
 * capacities):
 * <ul>
 * <li>{@code index :email} is {@code @Index String email;}, index {@code email_index};</li>
 * <li>{@code index [:name, :email]} and {@code index :name, range_key: :created_at} are
 * {@code @Index(rangeKey = "email")} on {@code name}: a GSI with both keys, used by an {@code eq} on
 * both fields or by an {@code eq} on the first and any key condition on the second;</li>
 * <li>{@code index :posted_at, range: true} (range queries with no hash key) is
 * {@code @Index(range = true) Instant postedAt;}: a write-sharded GSI whose hash key is a
 * synthetic attribute {@code <field>_shard} holding {@code 0..shards-1} (derived from the record's
 * key, so it never changes), and whose range key is the field. {@code where("postedAt.gt", t)}
 * queries every shard concurrently and merges the results in order: never a Scan.</li>
 * </ul>
 *
 * <p>The automatic timestamps {@code createdAt} and {@code updatedAt} are fields of {@code Model},
 * not of the model class, so their indexes are declared on the class, naming the timestamp with
 * {@link #field()}; Dynamoid's {@code index :created_at, range: true} is:
 *
 * <pre>{@code
 * @Index(field = "createdAt", range = true)
 * public class User extends Model<User> { ... }
 * User.find.where("createdAt.gt", Instant.now().minus(1, DAYS)).all();   // Query on createdAt_sharded_index
 * }</pre>
 *
 * <p>Repeatable: a field, or the class, can declare several indexes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Index.List.class)
public @interface Index {

    /**
     * @return on the model class: the automatic timestamp to index, {@code "createdAt"} or
     *     {@code "updatedAt"}; on a field: empty (the field itself is indexed)
     */
    String field() default "";

    /** @return the index name; empty to derive it ({@code email_index}, {@code createdAt_sharded_index}...) */
    String name() default "";

    /** @return the field that is the index's range key; empty for none (not with {@code range = true}) */
    String rangeKey() default "";

    /** @return whether this is a range index: range queries on the field without any hash key */
    boolean range() default false;

    /** @return with {@code range = true}: how many shards the writes spread over (1 to 1000) */
    int shards() default 10;

    /** Holds several {@link Index} annotations on one field or class. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.TYPE})
    @interface List {
        /** @return the indexes */
        Index[] value();
    }
}
