package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a field out of mass assignment: {@code assign(Map)}, {@code find.create(Map)} and
 * {@code update(Map)} refuse it with a {@code ProtectedAttributeException} unless the call permits
 * it by name, so a request body cannot set {@code admin = true}. Keys, {@code lockVersion} and the
 * timestamps are protected without the annotation.
 *
 * <pre>{@code @Field @Protected boolean admin;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Protected {
}
