package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the annotated field the range key of a local secondary index: same hash key as the table,
 * another sort order. Created with the table (DynamoDB cannot add one later); up to five per table,
 * and only on tables with a range key. Queries with an {@code eq} on the table's hash key and a
 * condition on this field use it, with consistent reads if asked.
 *
 * <pre>{@code
 * @Table(key = "username", rangeKey = "expiresAt")
 * public class Authentication extends Model<Authentication> {
 *     @Field String username;
 *     @Field Instant expiresAt;
 *     @Field @LocalIndex String token;        // index "token_index"
 * }
 * Authentication.find.where("username", "joe").where("token", "quux").all();   // Query on token_index
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LocalIndex {

    /** @return the index name; empty for {@code <attribute>_index} */
    String name() default "";

    /** @return which attributes the index holds */
    Projection projection() default Projection.ALL;

    /** @return with {@link Projection#INCLUDE}: the non-key attributes the index holds */
    String[] include() default {};
}
