/**
 * Schemas: what a model class maps to, built once per class and cached. A
 * {@link dev.dynarecord.internal.schema.ModelSchema} holds the attributes, keys and table definition, and
 * moves values between model instances and DynamoDB items through precomputed accessors and
 * converters.
 */
package dev.dynarecord.internal.schema;
