package dev.dynarecord;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Finder#importAll(java.util.stream.Stream, Import)} writes many new records: with or
 * without validations, with or without the save and create callbacks, and who hears of its
 * progress. Immutable; each method returns new options.
 *
 * <pre>{@code
 * User.find.importAll(users, Import.options().runCallbacks().progress(p -> System.out.println(p.written() + " written")));
 * }</pre>
 */
public final class Import {

    private static final Consumer<ImportProgress> SILENT = p -> { };
    private static final Import DEFAULTS = new Import(true, false, SILENT);

    private final boolean validates;
    private final boolean runsCallbacks;
    private final Consumer<ImportProgress> progress;

    private Import(boolean validates, boolean runsCallbacks, Consumer<ImportProgress> progress) {
        this.validates = validates;
        this.runsCallbacks = runsCallbacks;
        this.progress = progress;
    }

    /** @return the defaults: validations run (invalid records are skipped and reported), callbacks do not, no progress listener */
    public static Import options() {
        return DEFAULTS;
    }

    /**
     * @return these options, also running each record's before_save and before_create callbacks
     *     before its batch is sent, and after_create and after_save once its batch is written; a
     *     before callback returning false skips the record, which is then reported as not written
     */
    public Import runCallbacks() {
        return new Import(validates, true, progress);
    }

    /** @return these options, writing every record without running its validations (nor the validation callbacks) */
    public Import skipValidation() {
        return new Import(false, runsCallbacks, progress);
    }

    /**
     * @param listener called after each batch is written (on the importing thread), with the
     *     figures so far; an exception it throws stops the import, the batches before stay written
     * @return these options, with that listener
     */
    public Import progress(Consumer<ImportProgress> listener) {
        return new Import(validates, runsCallbacks, Objects.requireNonNull(listener, "listener"));
    }

    /** @return whether each record's validations run */
    public boolean validates() {
        return validates;
    }

    /** @return whether the save and create callbacks run */
    public boolean runsCallbacks() {
        return runsCallbacks;
    }

    /** @return the progress listener; one that does nothing by default */
    public Consumer<ImportProgress> progressListener() {
        return progress;
    }

    @Override
    public String toString() {
        return "Import{validates=" + validates + ", runsCallbacks=" + runsCallbacks + "}";
    }
}
