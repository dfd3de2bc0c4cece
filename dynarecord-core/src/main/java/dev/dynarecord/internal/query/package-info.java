/**
 * Runs query plans: renders them into Query and Scan requests (placeholders only), pages through
 * the results lazily, merges the shards of a sharded index in order, completes records from the
 * table when a global index does not hold every attribute, and encodes page cursors.
 */
package dev.dynarecord.internal.query;
