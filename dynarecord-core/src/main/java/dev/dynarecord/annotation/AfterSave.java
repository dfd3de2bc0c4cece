package dev.dynarecord.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a callback method of a model. Runs after a record was written, new or persisted: after {@link AfterCreate} or
 * {@link AfterUpdate}.
 *
 * <p>The method takes no parameters, returns {@code void} and is not static nor abstract; it may be
 * private.
 *
 * <p>Callbacks of superclasses run first, then those of subclasses; within a class, in declaration
 * order. A method may carry several callback annotations. A method overridden in a subclass runs
 * once, at the place of its first declaration, and it is the override that runs. An unchecked
 * exception thrown by a callback propagates as it is; a checked one is wrapped in a
 * {@link dev.dynarecord.exception.DynarecordException}. A wrong signature is a
 * {@link dev.dynarecord.exception.ModelDefinitionException} when the model's schema is built.
 *
 * <pre>{@code
 * @AfterSave
 * void log() {
 *     LOG.info("saved {}", id());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterSave {
}
