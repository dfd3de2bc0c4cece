/**
 * Writing records: saves, destroys, atomic updates, validation and mass assignment, and the
 * record state (what was loaded or last written) they read and change. Internal.
 */
package dev.dynarecord.internal.persist;
