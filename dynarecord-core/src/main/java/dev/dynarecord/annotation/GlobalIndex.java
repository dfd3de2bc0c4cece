package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the annotated field the hash key of a global secondary index, as OceanDynamo declares
 * them: another hash key, an optional range key, a projection and capacities of its own. Created
 * with the table; up to twenty per table. Queries with an {@code eq} on this field (and optionally a
 * condition on the range key) use it. Global indexes are eventually consistent: asking for a
 * consistent read on one is an error.
 *
 * <pre>{@code
 * @Field @GlobalIndex(rangeKey = "expiresAt", projection = Projection.KEYS_ONLY) String apiUserId;
 * Authentication.find.where("apiUserId", uid).order(DESC).limit(1).first();   // highest expiresAt
 * }</pre>
 *
 * <p>Repeatable: one field can be the hash key of several indexes with different range keys.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@Repeatable(GlobalIndex.List.class)
public @interface GlobalIndex {

    /** @return the index name; empty for {@code <attribute>_index}, or {@code <attribute>_<rangeKey>_index} with a range key */
    String name() default "";

    /** @return the field that is the index's range key; empty for none */
    String rangeKey() default "";

    /** @return which attributes the index holds */
    Projection projection() default Projection.ALL;

    /** @return with {@link Projection#INCLUDE}: the non-key attributes the index holds */
    String[] include() default {};

    /** @return the index's read capacity with provisioned billing; 0 for the table's */
    long readCapacity() default 0;

    /** @return the index's write capacity with provisioned billing; 0 for the table's */
    long writeCapacity() default 0;

    /** Holds several {@link GlobalIndex} annotations on one field. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface List {
        /** @return the indexes */
        GlobalIndex[] value();
    }
}
