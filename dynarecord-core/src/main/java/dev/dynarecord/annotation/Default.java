package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * A field's default: set on every new record, and on loaded records whose item lacks the
 * attribute (an item written before the field existed). Either a constant, written as text and
 * converted to the field's type, or a {@link Supplier} class called each time.
 *
 * <pre>{@code
 * @Field @Default("5") int poisonLimit;
 * @Field @Default(supplier = Today.class) LocalDate joinedOn;
 * }</pre>
 *
 * Constants are parsed for strings, numbers, booleans, enums (by name), UUIDs and ISO-8601 dates
 * and times; other types need a supplier.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Default {

    /** @return the constant, as text */
    String value() default "";

    /** @return a supplier of fresh default values, instantiated through its no-arg constructor */
    @SuppressWarnings("rawtypes")
    Class<? extends Supplier> supplier() default Supplier.class;
}
