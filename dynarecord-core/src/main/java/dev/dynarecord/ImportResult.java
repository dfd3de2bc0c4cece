package dev.dynarecord;

import java.time.Duration;
import java.util.List;

/**
 * What an import did: {@link Finder#importAll(Iterable)}'s answer.
 *
 * @param <T> the model type
 * @param written how many records were written (each is now persisted, as after its {@code save()})
 * @param skipped the records not written, in input order: invalid ones, whose {@code errors()} say
 *     why, and, with {@link Import#runCallbacks()}, those a before callback refused (their
 *     {@code errors()} may be empty); they stay new records
 * @param batches how many BatchWriteItem batches were written (the retries of a batch not counted)
 * @param retries how many BatchWriteItem requests were sent again, by the session's
 *     {@link dev.dynarecord.config.RetryPolicy}, for records DynamoDB left unprocessed or for
 *     throttling: the requests sent in all are {@code batches + retries}
 * @param elapsed how long the import took
 */
public record ImportResult<T extends Model<?>>(long written, List<T> skipped, long batches, long retries, Duration elapsed) {

    /**
     * @param written how many records were written
     * @param skipped the records not written
     * @param batches how many batches were written
     * @param retries how many requests were sent again
     * @param elapsed how long the import took
     */
    public ImportResult {
        skipped = List.copyOf(skipped);
    }

    /** @return whether every record of the input was written */
    public boolean allWritten() {
        return skipped.isEmpty();
    }
}
