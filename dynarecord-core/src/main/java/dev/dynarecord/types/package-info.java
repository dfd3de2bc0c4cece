/**
 * Types: one {@link dev.dynarecord.types.AttributeConverter} per Java type, found through one
 * registry, {@link dev.dynarecord.types.Converters}. Users add their own converters there or per
 * field.
 */
package dev.dynarecord.types;
