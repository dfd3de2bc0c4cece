/**
 * Schemas: what a model class maps to, cached. Reflection is done once per class, and gives the
 * class's structure (which converts nothing); a {@link dev.dynarecord.internal.schema.ModelSchema} is built
 * from it once per set of converters ({@link dev.dynarecord.internal.schema.SchemaSet}: the global
 * registry's, or a session's). It holds the attributes, keys and table definition, and moves values
 * between model instances and DynamoDB items through precomputed accessors and converters.
 */
package dev.dynarecord.internal.schema;
