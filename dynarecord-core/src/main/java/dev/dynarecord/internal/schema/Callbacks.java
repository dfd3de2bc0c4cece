package dev.dynarecord.internal.schema;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A model's callback methods per event, found when its schema is built, in the order they run
 * (superclasses first, then declaration order). Immutable and thread-safe.
 */
public final class Callbacks {

    /** No callbacks at all. */
    public static final Callbacks NONE = new Callbacks(new EnumMap<>(CallbackEvent.class));

    private final Map<CallbackEvent, List<Callback>> byEvent;

    Callbacks(Map<CallbackEvent, List<Callback>> byEvent) {
        Map<CallbackEvent, List<Callback>> copy = new EnumMap<>(CallbackEvent.class);
        byEvent.forEach((event, callbacks) -> {
            if (!callbacks.isEmpty()) {
                copy.put(event, List.copyOf(callbacks));
            }
        });
        this.byEvent = copy; // never modified after this point, and published through a final field
    }

    /**
     * Runs the callbacks of one event on a record, in order. A before-callback that returns
     * {@code false} aborts: the later ones do not run.
     *
     * @param event the event
     * @param record the record
     * @return {@code false} when a before-callback aborted, else {@code true}
     */
    public boolean run(CallbackEvent event, Object record) {
        List<Callback> callbacks = byEvent.get(event);
        if (callbacks == null) {
            return true;
        }
        for (Callback c : callbacks) {
            if (!c.invoke(record)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param event the event
     * @return whether any callback is declared for it
     */
    public boolean has(CallbackEvent event) {
        List<Callback> callbacks = byEvent.get(event);
        return callbacks != null && !callbacks.isEmpty();
    }

    /**
     * @param event the event
     * @return the callbacks of the event, in the order they run, e.g. {@code [Post.normalize()]}
     */
    List<String> describe(CallbackEvent event) {
        return byEvent.getOrDefault(event, List.of()).stream().map(Object::toString).toList();
    }

    @Override
    public String toString() {
        return "Callbacks" + byEvent;
    }

    /** One callback method. */
    interface Callback {
        /**
         * Runs the callback. Exceptions it throws propagate.
         *
         * @param record the record
         * @return {@code false} to abort (before-callbacks returning boolean only)
         */
        boolean invoke(Object record);
    }
}
