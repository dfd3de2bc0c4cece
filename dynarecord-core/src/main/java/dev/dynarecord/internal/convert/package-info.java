/** Moving user values to and from attribute values where no schema field does it (keys, where-values, updates). Internal. */
package dev.dynarecord.internal.convert;
