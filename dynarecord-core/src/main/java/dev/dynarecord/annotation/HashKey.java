package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field that is the table's hash (partition) key; it is persisted like a {@link Field}.
 * A {@code String} or {@code UUID} hash key left null gets a random UUID on first save.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface HashKey {
}
