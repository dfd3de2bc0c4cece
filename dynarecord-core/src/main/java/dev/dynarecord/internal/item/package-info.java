/** Internal: see {@link dev.dynarecord.internal}. */
package dev.dynarecord.internal.item;
