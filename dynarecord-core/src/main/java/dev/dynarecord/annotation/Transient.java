package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says a field is deliberately not stored. Undeclared fields are never stored anyway; this makes
 * the intent visible, and it is an error to combine it with {@link Field}, {@link HashKey} or
 * {@link RangeKey}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Transient {
}
