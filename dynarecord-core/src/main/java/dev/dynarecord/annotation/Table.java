package dev.dynarecord.annotation;

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
 * }</pre>
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
     * @return whether saves and destroys of this model are guarded by optimistic locking (a
     *     {@code lockVersion} attribute checked and incremented by every write); on by default, as in
     *     OceanDynamo, unless the configuration turns it off everywhere
     */
    boolean locking() default true;

    /** @return the lock version attribute's name for this model; empty for the configured one ({@code lockVersion}) */
    String lockVersion() default "";
}
