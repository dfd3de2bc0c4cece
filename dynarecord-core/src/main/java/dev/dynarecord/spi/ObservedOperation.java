package dev.dynarecord.spi;

/**
 * A model-level operation (a save, a destroy, a query, a transaction) as a {@link RequestObserver}
 * sees it: the requests it sends are observed while it runs, on the same thread.
 *
 * @param name what is done, in lower case: {@code save}, {@code destroy}, {@code delete},
 *     {@code reload}, {@code touch}, {@code update}, {@code find}, {@code exists}, {@code query},
 *     {@code count}, {@code page}, {@code import}, {@code delete_all}, {@code destroy_all},
 *     {@code update_all}, {@code transaction}, {@code read_transaction}
 * @param model the model class's simple name, or empty when the operation spans models (a transaction)
 */
public record ObservedOperation(String name, String model) {
}
