package dev.dynarecord.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Import;
import dev.dynarecord.ImportProgress;
import dev.dynarecord.ImportResult;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultStats;
import dev.dynarecord.test.FaultyClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The bulk operations end to end on one table, through a {@link FaultyClient} that throttles 20% of
 * the BatchWriteItem and BatchGetItem calls and leaves another 30% partly unprocessed: an import of
 * {@code N} small records, checked by a raw count and a key check, a {@code byIds} of 10,000 of
 * their ids in shuffled order, and a {@code deleteAll} that leaves none. {@code N} is 20,000 unless
 * {@code -Ddynarecord.bulk.records=100000} says otherwise.
 *
 * <p>The retry policy allows 30 attempts in a row without progress, 1 to 4 ms apart. The default
 * (10 attempts, 25 ms to 2 s) is made for DynamoDB, whose throttling lasts; here every call is
 * drawn afresh, so a record left alone in its batch fails each attempt with odds of one in two
 * (throttled, or returned unprocessed), ten times in a row once in 1,024 such remainders: an import
 * of 100,000 meets about 240 of them, and the default gives up on about one in five, cleanly, with a
 * {@code PartialWriteException} (see docs/bulk-and-transactions.md).
 */
@DynarecordTest(global = false)
class BulkUnderFaultsTest {

    private static final int RECORDS = Integer.getInteger("dynarecord.bulk.records", 20_000);
    private static final int READ = Math.min(10_000, RECORDS);
    private static final RetryPolicy RETRIES = new RetryPolicy(30, Duration.ofMillis(1), Duration.ofMillis(4));

    /** A small record: a generated id and its place in the import. */
    @Table(name = "bulk_notes")
    public static class Note extends Model<Note> {
        public static final Finder<Note> find = finder(Note.class);

        @Field public Integer seq;
    }

    @Test
    void importByIdsAndDeleteAllOfManyRecordsUnderThrottlingAndUnprocessedBatchesLoseAndDuplicateNothing(Session raw) {
        FaultyClient faults = FaultyClient.wrap(raw.client()).seed(20261205).rate(Fault.THROTTLE, 0.2)
                .rate(Fault.UNPROCESSED, 0.3).only("BatchWriteItem", "BatchGetItem").build();
        Session faulty = FaultySessions.open(raw, faults, "bulk", RETRIES);
        try {
            faulty.tables().create(Note.class);
            Finder<Note> notes = Note.find.using(faulty);
            String table = notes.tableName();
            List<String> report = new ArrayList<>();

            // Import: every record stored once, with its id and its seq.
            List<Note> records = IntStream.range(0, RECORDS).mapToObj(BulkUnderFaultsTest::note).toList();
            AtomicReference<ImportProgress> last = new AtomicReference<>();
            FaultStats before = faults.stats();
            long start = System.nanoTime();
            ImportResult<Note> imported = notes.importAll(records, Import.options().progress(last::set));
            report.add(phase("importAll", before, faults.stats(), "BatchWriteItem", imported.retries(), start));
            assertThat(imported.written()).isEqualTo(RECORDS);
            assertThat(imported.batches()).isEqualTo((RECORDS + 24) / 25);
            long importCalls = faults.stats().calls("BatchWriteItem") - before.calls("BatchWriteItem");
            assertThat(imported.retries()).isEqualTo(importCalls - imported.batches()).isPositive();
            assertThat(last.get().retries()).isEqualTo(imported.retries());
            assertFaulted(before, faults.stats(), "BatchWriteItem");

            start = System.nanoTime();
            assertThat(FaultySessions.count(raw, table)).as("a raw Select COUNT").isEqualTo(RECORDS);
            Map<String, Integer> stored = storedSeqs(raw, table);
            assertThat(stored).hasSize(RECORDS);
            Map<String, Integer> expected = new HashMap<>();
            records.forEach(n -> expected.put((String) n.id(), n.seq));
            assertThat(stored).as("each id once, with its own seq: 0 lost, 0 duplicated").isEqualTo(expected);
            report.add("count and key check: " + RECORDS + " items, " + stored.size() + " distinct ids, in " + millis(start) + " ms");

            // byIds: exactly the records asked for, in the order asked.
            List<Object> wanted = new ArrayList<>(expected.keySet());
            Collections.shuffle(wanted, new Random(7));
            wanted = wanted.subList(0, READ);
            before = faults.stats();
            start = System.nanoTime();
            List<Note> read = notes.byIds(wanted);
            long getCalls = faults.stats().calls("BatchGetItem") - before.calls("BatchGetItem");
            report.add(phase("byIds", before, faults.stats(), "BatchGetItem", getCalls - (READ + 99) / 100, start));
            assertThat(read).extracting(Model::id).containsExactlyElementsOf(wanted);
            assertThat(read).allSatisfy(n -> assertThat(n.seq).isEqualTo(expected.get((String) n.id())));
            assertFaulted(before, faults.stats(), "BatchGetItem");

            // deleteAll: nothing left.
            before = faults.stats();
            start = System.nanoTime();
            long deleted = notes.allowScan().deleteAll();
            long deleteCalls = faults.stats().calls("BatchWriteItem") - before.calls("BatchWriteItem");
            report.add(phase("deleteAll", before, faults.stats(), "BatchWriteItem", deleteCalls - (RECORDS + 24) / 25, start));
            assertThat(deleted).isEqualTo(RECORDS);
            assertThat(FaultySessions.count(raw, table)).isZero();
            assertFaulted(before, faults.stats(), "BatchWriteItem");

            System.out.println("BulkUnderFaultsTest, " + RECORDS + " records, " + faults + ":\n  " + String.join("\n  ", report)
                    + "\n  last progress line: " + last.get().line());
        } finally {
            FaultySessions.close(faulty);
        }
    }

    private static Note note(int seq) {
        Note n = new Note();
        n.seq = seq;
        return n;
    }

    /** Every stored id with its seq, read through the raw client; an id met twice fails the check. */
    private static Map<String, Integer> storedSeqs(Session raw, String table) {
        Map<String, Integer> seqs = new HashMap<>();
        raw.client().scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).projectionExpression("#id, #seq")
                .expressionAttributeNames(Map.of("#id", "id", "#seq", "seq")).build()).items().forEach(item -> {
                    String id = item.get("id").s();
                    assertThat(seqs.put(id, Integer.valueOf(item.get("seq").n()))).as("id %s stored once", id).isNull();
                });
        return seqs;
    }

    /** The faults were there: throttles and partly unprocessed batches, each near its rate of the phase's calls. */
    private static void assertFaulted(FaultStats before, FaultStats after, String operation) {
        long calls = after.calls(operation) - before.calls(operation);
        long throttled = after.injected(Fault.THROTTLE, operation) - before.injected(Fault.THROTTLE, operation);
        long unprocessed = after.injected(Fault.UNPROCESSED, operation) - before.injected(Fault.UNPROCESSED, operation);
        assertThat(calls).isPositive();
        assertThat((double) throttled / calls).as("throttled share of %d %s calls", calls, operation).isBetween(0.1, 0.3);
        assertThat((double) unprocessed / calls).as("unprocessed share of %d %s calls", calls, operation).isBetween(0.18, 0.42);
    }

    private static String phase(String name, FaultStats before, FaultStats after, String operation, long retries, long start) {
        long calls = after.calls(operation) - before.calls(operation);
        return name + ": " + calls + " " + operation + " calls, " + (after.injected(Fault.THROTTLE, operation)
                - before.injected(Fault.THROTTLE, operation)) + " throttled, " + (after.injected(Fault.UNPROCESSED, operation)
                - before.injected(Fault.UNPROCESSED, operation)) + " partly unprocessed, " + retries + " retries, in "
                + millis(start) + " ms";
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
