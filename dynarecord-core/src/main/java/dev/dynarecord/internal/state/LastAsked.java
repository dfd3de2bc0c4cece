package dev.dynarecord.internal.state;

/**
 * The value for the class last asked for, in one session: what a run of saves or loads of one
 * model asks for every record, answered without the map or {@code ClassValue} lookup behind it.
 * Thread-safe: a class and its value are published together; a miss costs one small object. It
 * holds the class no longer than the session's own maps by class do.
 *
 * @param <V> the value
 */
final class LastAsked<V> {

    private volatile Entry<V> last;

    private record Entry<V>(Class<?> type, V value) {
    }

    /**
     * @param type a class
     * @return its value when it was the last one remembered, else null
     */
    V get(Class<?> type) {
        Entry<V> entry = last;
        return entry != null && entry.type() == type ? entry.value() : null;
    }

    /**
     * @param type a class
     * @param value its value, looked up the long way
     * @return the value
     */
    V remember(Class<?> type, V value) {
        last = new Entry<>(type, value);
        return value;
    }
}
