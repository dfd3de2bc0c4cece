package dev.dynarecord.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's sections and lines on write partitioning: what it costs a read by key and a save
 * ({@link PartitionBenchmark}, reported as measured, with the requests one byId sends), and what it
 * gives a hot record ({@link HotKey}): with N copies, at least half of N times the saves a second
 * of the unpartitioned record, since each copy has a partition key's limit of its own.
 */
final class PartitionCost {

    static final String COST_INTRO = "The small model with Dynarecord's defaults through the stub client,"
            + " unpartitioned (`partitions=off`, `partitioning=off`) and partitioned by the session (`Config.partitioning(true)"
            + ".partitionSize(N)`). get: `byId`, one GetItem unpartitioned; partitioned, one BatchGetItem per 100 of the N"
            + " copies, answered with all N (lock versions 1 to N, a hot record whose copies were all written) and the newest"
            + " kept. put: the save of a persisted record whose age changed, an UpdateItem of the change unpartitioned, a"
            + " PutItem of the whole item into one of " + PartitionBenchmark.WRITE_COPIES + " copies partitioned. Raw: a"
            + " hand-written GetItem, and the same UpdateItem as the unpartitioned save, of the unpartitioned item, measured"
            + " once: the yardstick of every row. engine get: the same byId on the embedded engine (ops/s, higher is"
            + " better), " + PartitionEngineBenchmark.RECORDS + " records each saved N times first, against a raw GetItem of"
            + " the unpartitioned records.";
    static final String BENEFIT_INTRO = "Successful saves a second to one record, " + HotKey.THREADS + " threads saving it"
            + " again and again (reloading after a stale or a throttled save), against the embedded engine behind"
            + " `PartitionLimitClient` (dynarecord-test): DynamoDB's per-partition limit of 1,000 writes a second scaled down"
            + " to **" + HotKey.LIMIT + " writes a second per partition key** (burst " + HotKey.BURST + "), so that the limit,"
            + " not the engine on a shared machine, is what each setting meets; `no limit` is the same run without it, what"
            + " the engine itself does. A fresh table per run, the settings in turn; median of the runs, error as the 99.9%"
            + " interval of their mean. A conditional save that fails uses a write of the limit, as in DynamoDB; a throttled"
            + " save reloads the record, which reads every copy (a BatchGetItem of 50 keys with 50 copies).";

    private static final String COST_GET = "get partitions=";
    private static final String COST_PUT = "put partitioning=";
    private static final String HOT = "hot record partitions=";
    private static final String NO_LIMIT = " unlimited";

    private PartitionCost() {
    }

    /**
     * @param setting a {@link HotKey#SETTINGS setting}
     * @return its case in the report
     */
    static String hotCase(String setting) {
        return HOT + (setting.endsWith(NO_LIMIT) ? setting.substring(0, setting.length() - NO_LIMIT.length()) + ", no limit"
                : setting);
    }

    /** @return the three lines of the targets table, or "not measured" ones */
    static String targets(Collection<Report.Row> rows) {
        return getLine(rows) + putLine(rows) + hotLine(rows);
    }

    private static String getLine(Collection<Report.Row> rows) {
        String title = "Write partitioning, cost of a byId over unpartitioned (reported, no target)";
        Report.Measurement off = Report.measured(rows, Report.Section.PARTITION, COST_GET + "off", Report.Flavour.DYNARECORD);
        Map<Integer, Report.Measurement> on = new TreeMap<>();
        for (Report.Row row : rows) {
            if (row.section == Report.Section.PARTITION && row.name.startsWith(COST_GET) && !row.name.endsWith("=off")) {
                on.put(Integer.parseInt(row.name.substring(COST_GET.length())), row.byFlavour.get(Report.Flavour.DYNARECORD));
            }
        }
        if (off == null || on.isEmpty()) {
            return "| " + title + " | not measured | - |\n";
        }
        List<String> figures = new ArrayList<>();
        figures.add("off " + requests("off"));
        on.forEach((n, m) -> figures.add(String.format(Locale.ROOT, "%d copies %s: %s time, %+,.0f B/op", n,
                requests(Integer.toString(n)), Report.ratio(m.median() / off.median()), m.allocBytes() - off.allocBytes())));
        return "| " + title + " | measured | " + String.join("; ", figures) + " |\n";
    }

    /** @return what one byId sends, counted now: {@code 1 GetItem}, {@code 2 BatchGetItem} */
    private static String requests(String partitions) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(PartitionBenchmark.requestsPerById(partitions)).forEach((op, n) -> out.add(n + " " + op));
        return String.join(" + ", out);
    }

    private static String putLine(Collection<Report.Row> rows) {
        String title = "Write partitioning, cost of a save: whole-item PutItem over UpdateItem (reported, no target)";
        Report.Measurement off = Report.measured(rows, Report.Section.PARTITION, COST_PUT + "off", Report.Flavour.DYNARECORD);
        Report.Measurement on = Report.measured(rows, Report.Section.PARTITION, COST_PUT + "on", Report.Flavour.DYNARECORD);
        if (off == null || on == null) {
            return "| " + title + " | not measured | - |\n";
        }
        return String.format(Locale.ROOT, "| %s | measured | on / off: %s time, %+,.0f B/op |\n", title,
                Report.ratio(on.median() / off.median()), on.allocBytes() - off.allocBytes());
    }

    private static String hotLine(Collection<Report.Row> rows) {
        String title = "Write partitioning, a hot record: with N copies at least N/2 × the unpartitioned saves/s (limit "
                + HotKey.LIMIT + " writes/s per key)";
        Report.Measurement off = hot(rows, "off");
        if (off == null) {
            return "| " + title + " | not measured | - |\n";
        }
        List<String> figures = new ArrayList<>();
        boolean met = true;
        for (String setting : HotKey.SETTINGS) {
            Report.Measurement m = hot(rows, setting);
            if (m == null || setting.equals("off") || setting.endsWith(NO_LIMIT)) {
                continue;
            }
            int copies = Integer.parseInt(setting);
            double ratio = m.median() / off.median();
            met &= ratio >= copies / 2.0;
            figures.add(String.format(Locale.ROOT, "%d copies %s (ideal %d×)", copies, Report.ratio(ratio), copies));
        }
        String limited = HotKey.SETTINGS.stream().filter(s -> s.endsWith(NO_LIMIT)).findFirst().orElseThrow();
        Report.Measurement free = hot(rows, limited);
        Report.Measurement same = hot(rows, limited.substring(0, limited.length() - NO_LIMIT.length()));
        String engine = free == null || same == null ? "" : String.format(Locale.ROOT, "; with no limit the engine"
                + " sustains %s saves/s with %s copies, %s the limited: %s", Report.format(free.median()),
                limited.substring(0, limited.length() - NO_LIMIT.length()), Report.ratio(free.median() / same.median()),
                free.median() > 1.5 * same.median() ? "not the bottleneck" : "close to the bottleneck, lower HotKey.LIMIT");
        return "| " + title + " | " + (met ? "**met**" : "**not met**") + " | on / off: " + String.join(", ", figures) + engine
                + " |\n";
    }

    private static Report.Measurement hot(Collection<Report.Row> rows, String setting) {
        return Report.measured(rows, Report.Section.HOT_KEY, hotCase(setting), Report.Flavour.DYNARECORD);
    }
}
