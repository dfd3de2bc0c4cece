/**
 * The exception family: one unchecked root, {@link dev.dynarecord.exception.DynarecordException},
 * and a small set of named subclasses that speak ActiveRecord. SDK exceptions are translated into
 * these in one place; a raw SDK exception only escapes as the cause of one of them.
 */
package dev.dynarecord.exception;
