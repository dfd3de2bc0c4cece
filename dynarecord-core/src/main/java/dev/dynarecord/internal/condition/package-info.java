/**
 * Where-expressions ({@code "rank.gt"}) checked and converted against a model: the conditions of
 * queries, of conditional writes and of in-memory association filters. Internal.
 */
package dev.dynarecord.internal.condition;
