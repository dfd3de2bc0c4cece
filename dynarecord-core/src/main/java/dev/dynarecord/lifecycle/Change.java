package dev.dynarecord.lifecycle;

/**
 * How one attribute changed since the record was loaded or last saved: {@code changes()} and
 * {@code previousChanges()} map attribute names to these, as ActiveModel's {@code [old, new]} pairs.
 *
 * @param was the value as loaded or last saved (null when absent)
 * @param now the value now (null when it will be removed)
 */
public record Change(Object was, Object now) {
}
