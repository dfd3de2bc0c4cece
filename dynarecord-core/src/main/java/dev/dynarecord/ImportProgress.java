package dev.dynarecord;

import java.time.Duration;

/**
 * Where an import stands after one of its batches: what {@link Import#progress} listeners are given.
 *
 * @param written the records written so far, across batches
 * @param skipped the records skipped so far: invalid, or refused by a before callback
 * @param batches the BatchWriteItem batches written so far, each of at most 25 records
 * @param elapsed the time since the import started
 */
public record ImportProgress(long written, long skipped, long batches, Duration elapsed) {

    /** @return a line to print: {@code "1000 written, 2 skipped, 40 batches in 850 ms"} */
    public String line() {
        return written + " written, " + skipped + " skipped, " + batches + " batches in " + elapsed.toMillis() + " ms";
    }
}
