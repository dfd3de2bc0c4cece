package dev.dynarecord.internal.association;

import dev.dynarecord.Association;
import dev.dynarecord.BelongsTo;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import java.util.List;

/**
 * What the engine asks of the association handles that users hold ({@code HasMany}, {@code HasOne},
 * {@code BelongsTo}, {@code HasAndBelongsToMany}) and that is not part of their public API: the
 * hooks a save or destroy runs, and the results a preload hands them. Installed once by
 * {@link Association}'s static initialiser.
 */
public interface Handles {

    /** Called once with the implementation. */
    static void install(Handles handles) {
        Holder.install(handles);
    }

    /** @return the implementation */
    static Handles get() {
        return Holder.handles;
    }

    /** Before the owner is saved: a belongs_to set to a saved record writes its key. */
    void beforeSave(BelongsTo<?> belongsTo);

    /** Before the owner is destroyed: children follow their dependent policy, habtm links are removed. */
    void beforeDestroy(Association<?> association, Dependent dependent);

    /** Loads a has_many or has_one now (a preload of many owners runs these concurrently). */
    void preload(Association<?> children);

    /** A preload found the owner of a belongs_to (null when it no longer exists). */
    void remember(BelongsTo<?> belongsTo, Model<?> owner, Object key);

    /** @return the key texts of a habtm's linked records, in join-table order */
    List<String> linkedKeys(HasAndBelongsToMany<?> links);

    /** A preload found a habtm's linked records. */
    void preloaded(HasAndBelongsToMany<?> links, List<? extends Model<?>> records);

    /** Holds the one implementation. */
    final class Holder {
        private static volatile Handles handles;

        private Holder() {
        }

        private static synchronized void install(Handles value) {
            if (handles != null) {
                throw new IllegalStateException("the association handles are installed already");
            }
            handles = value;
        }
    }
}
