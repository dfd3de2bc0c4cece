package dev.dynarecord.benchmarks.model;

/**
 * An address, embedded in the nested model: a record, which Dynarecord stores as a map (M) of
 * three strings; the raw flavour maps the same record by hand.
 *
 * @param street S
 * @param city S
 * @param zip S
 */
public record NestedAddress(String street, String city, String zip) {
}
