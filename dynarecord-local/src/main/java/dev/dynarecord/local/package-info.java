/**
 * The embedded engine: DynamoDB Local in-process, for {@code Adapter.LOCAL}. Add
 * {@code dev.dynarecord:dynarecord-local} as a test or development dependency; never ship it to
 * production (DynamoDB Local's licence forbids redistributing it inside your artifacts).
 */
package dev.dynarecord.local;
