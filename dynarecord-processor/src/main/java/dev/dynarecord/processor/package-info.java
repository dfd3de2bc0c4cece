/**
 * The annotation processor that writes a {@code <Model>_DynarecordAccess} class next to each model
 * class: plain Java that reads and writes the model's fields and calls its no-arg constructor, for
 * the schema to use in place of method handles.
 *
 * <p>Put the jar on the annotation processor path; it needs nothing at run time, and Dynarecord's
 * types are named by string, so the processor does not depend on {@code dynarecord-core}.
 */
package dev.dynarecord.processor;
