package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a class of a single-table hierarchy stores in the discriminator attribute
 * ({@link Table#discriminator()}), Dynamoid's {@code sti_name}. Without it a class stores its simple
 * name ({@code "Car"}), as Dynamoid stores the Ruby class name. Values must be distinct within the
 * hierarchy.
 *
 * <pre>{@code
 * @DiscriminatorValue("sports_car")
 * public class SportsCar extends Car { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorValue {

    /** @return the stored value, not empty */
    String value();
}
