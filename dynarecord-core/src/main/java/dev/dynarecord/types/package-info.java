/**
 * Types: one {@link dev.dynarecord.types.AttributeConverter} per Java type, found through
 * {@link dev.dynarecord.types.Converters}: a session's own converters (from its configuration),
 * then the global registry, then the built-in ones. Users add their own converters per session,
 * globally or per field.
 */
package dev.dynarecord.types;
