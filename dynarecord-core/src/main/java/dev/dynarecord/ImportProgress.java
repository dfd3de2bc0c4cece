package dev.dynarecord;

import java.time.Duration;

/**
 * Where an import stands after one of its batches: what {@link Import#progress} listeners are given.
 *
 * @param written the records written so far, across batches
 * @param skipped the records skipped so far: invalid, or refused by a before callback
 * @param batches the BatchWriteItem batches written so far, each of at most 25 records
 * @param retries the BatchWriteItem requests sent again so far, by the session's
 *     {@link dev.dynarecord.config.RetryPolicy}, for records DynamoDB left unprocessed or for
 *     throttling; each batch's first request is not one
 * @param elapsed the time since the import started, the retries' pauses included
 */
public record ImportProgress(long written, long skipped, long batches, long retries, Duration elapsed) {

    /** @return a line to print: {@code "1000 written, 2 skipped, 40 batches, 3 retries in 850 ms"} */
    public String line() {
        return written + " written, " + skipped + " skipped, " + batches + " batches, " + retries + " retries in "
                + elapsed.toMillis() + " ms";
    }
}
