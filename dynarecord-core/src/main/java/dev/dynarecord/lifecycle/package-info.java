/**
 * A record's life around its writes: validation errors ({@link dev.dynarecord.lifecycle.Errors}),
 * atomic updates, conditions on writes, and mass assignment.
 */
package dev.dynarecord.lifecycle;
