package dev.dynarecord.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Version;

/**
 * Runs every benchmark of this module and writes {@code docs/benchmarks.md}.
 *
 * <p>{@code Report <quick|full> <output.md> [regex]}; run it with
 * {@code mvn -q -pl dynarecord-benchmarks -am compile exec:exec} (quick) or add
 * {@code -Dbench.profile=full}. With a regex ({@code -Dbench.only=BatchBenchmark}), only the
 * benchmarks whose names it finds run (cold start only when it finds {@code ColdStart}), for a look
 * at a few rows; such a partial report is refused as {@code benchmarks.md}, which it would cut
 * short: give it another file ({@code -Dbench.output=target/benchmarks-partial.md}).
 *
 * <p>Naming convention of the benchmarks it reads: one JMH method per flavour, its name containing
 * {@code dynarecord}, {@code enhanced} or {@code raw} (e.g. {@code dynarecord}, {@code rawToItem},
 * {@code putEnhanced}), or a {@code @Param} whose value is one of those; what is left of the method
 * name, any nested class and the other {@code @Param}s name the case. The class names the section:
 * {@code MappingBenchmark}, {@code ClientBenchmark}, {@code BatchBenchmark}, {@code EngineBenchmark},
 * {@code PlanningBenchmark}, {@code ObservedBenchmark}, {@code PartitionBenchmark}. A raw flavour
 * measured once serves every case that differs from it by a Dynarecord parameter alone.
 * Cold start is measured by {@link ColdStart} in fresh JVMs, not by JMH, and so is the hot record
 * ({@link HotKey}, found by the regex as {@code HotKey}).
 */
public final class Report {

    static final String QUICK_COMMAND = "mvn -q -pl dynarecord-benchmarks -am compile exec:exec";
    static final String FULL_COMMAND = QUICK_COMMAND + " -Dbench.profile=full";

    private static final String PACKAGE = Report.class.getPackageName() + ".";
    private static final String STUB_BENCHMARKS = PACKAGE + "(MappingBenchmark|ClientBenchmark|BatchBenchmark|PlanningBenchmark|ObservedBenchmark|PartitionBenchmark)\\.";
    private static final String ENGINE_BENCHMARKS = PACKAGE + "(EngineBenchmark|PartitionEngineBenchmark)\\.";

    /** How long a run may take, and how careful it is. */
    record Profile(String name, int forks, int warmups, int measurements, long jmhBudgetSeconds,
            long minIterationMs, long maxIterationMs, int coldRuns, int hotRounds, int hotSeconds) {

        static Profile of(String name) {
            return switch (name) {
                // the whole quick run (JMH + cold start + reporting) aims at under 10 minutes on 2 cores; iterations
                // of at least 500 ms, as shorter ones left a 2-core machine's JIT still compiling while it measured
                case "quick" -> new Profile("quick", 1, 3, 5, 290, 500, 1000, 5, 5, 3);
                case "full" -> new Profile("full", 3, 5, 10, Long.MAX_VALUE, 2000, 2000, 15, 7, 3);
                default -> throw new IllegalArgumentException("profile must be quick or full, not " + name);
            };
        }

        /** Iteration time so that {@code benchmarks} forks fit the budget (about 2 s per fork to start). */
        TimeValue iteration(int benchmarks) {
            long perFork = jmhBudgetSeconds == Long.MAX_VALUE ? Long.MAX_VALUE
                    : jmhBudgetSeconds * 1000 / Math.max(1, benchmarks * forks) - 2000;
            long ms = perFork == Long.MAX_VALUE ? maxIterationMs : perFork / (warmups + measurements);
            ms = Math.max(minIterationMs, Math.min(maxIterationMs, ms));
            return TimeValue.milliseconds(ms / 50 * 50);
        }

        String describe(TimeValue iteration) {
            return forks + (forks == 1 ? " fork" : " forks") + ", " + warmups + " warmup + " + measurements
                    + " measurement iterations of " + iteration + ", " + coldRuns + " cold starts per flavour, " + hotRounds
                    + " hot-record runs of " + hotSeconds + " s per setting";
        }
    }

    /** Who did the work. */
    enum Flavour {
        RAW("raw"), ENHANCED("Enhanced"), DYNARECORD("Dynarecord");

        final String title;

        Flavour(String title) {
            this.title = title;
        }
    }

    /** The sections of the report, in order. */
    enum Section {
        MAPPING("Mapping", "Item to attribute map (`toItem`) and back (`fromItem`), no client involved."),
        CLIENT("Through the client", "A put or a get through the SDK client, answered by a stub"
                + " `DynamoDbClient` with canned responses: mapping plus request building, no I/O."),
        BATCH("Batches", "Through the stub client, per record: an import of 100 new records (`importAll`;"
                + " Enhanced `batchWriteItem` with a `WriteBatch`; raw BatchWriteItem), 4 BatchWriteItem of 25, and a"
                + " read of 100 records by id (`byIds`; Enhanced `batchGetItem` with a `ReadBatch`; raw BatchGetItem),"
                + " one BatchGetItem. The small model with Dynarecord's defaults: each new item gets a generated id,"
                + " createdAt and updatedAt and the lock version 1, set by hand in the raw and Enhanced flavours."),
        ENGINE("End to end", "Against the embedded engine (DynamoDB Local in process): the engine dominates."),
        COLD_START("Cold start", "A fresh JVM per measurement, timed from the start of `main`: the 40-attribute"
                + " model's schema, then the first save and the first find through the stub client. Dynarecord's models"
                + " have the field access dynarecord-processor generates; `reflective` is the same run with"
                + " `-Ddynarecord.accessors=reflective` (method handles, as without the processor), against the same raw"
                + " and Enhanced runs. `after session.prime(...)` opens the session and primes the model before the clock"
                + " starts, as a Lambda function's initialisation (or a SnapStart snapshot) would, then times the same"
                + " first save and first find: what a request pays after it; the other flavours have no such step."),
        PLANNING("Planning and rendering", "A where-chain (hash eq + range condition + filter, limit) turned"
                + " into the QueryRequest sent to a stub client whose query returns an empty page."),
        OBSERVED("Metrics and tracing", "The small model's put and get through the stub client, with no observer"
                + " (`observers=off`) and with Micrometer metrics and OpenTelemetry tracing both on (`observers=on`: a"
                + " `SimpleMeterRegistry`, the OpenTelemetry SDK sampling every span, a batch processor, an exporter"
                + " that drops the spans). Raw is the same request, unobserved."),
        PARTITION("Write partitioning", PartitionCost.COST_INTRO),
        HOT_KEY("Write partitioning: a hot record", PartitionCost.BENEFIT_INTRO),
        OTHER("Other", "Benchmarks the report does not know.");

        final String title;
        final String intro;

        Section(String title, String intro) {
            this.title = title;
            this.intro = intro;
        }

        static Section of(String className) {
            if (className.startsWith("Mapping")) {
                return MAPPING;
            }
            if (className.startsWith("Client")) {
                return CLIENT;
            }
            if (className.startsWith("Batch")) {
                return BATCH;
            }
            if (className.startsWith("Engine")) {
                return ENGINE;
            }
            if (className.startsWith("Planning")) {
                return PLANNING;
            }
            if (className.startsWith("Cold")) {
                return COLD_START;
            }
            if (className.startsWith("Observed")) {
                return OBSERVED;
            }
            if (className.startsWith("Partition")) {
                return PARTITION;
            }
            if (className.startsWith("HotKey")) {
                return HOT_KEY;
            }
            return OTHER;
        }
    }

    /** One flavour's figures for one case. */
    record Measurement(double median, double error, String unit, double allocBytes, int samples) {
    }

    /** One case: a row of a table. */
    static final class Row {
        final Section section;
        final String name;
        final Map<Flavour, Measurement> byFlavour = new EnumMap<>(Flavour.class);

        Row(Section section, String name) {
            this.section = section;
            this.name = name;
        }

        String unit() {
            return byFlavour.values().stream().map(Measurement::unit).findFirst().orElse("");
        }

        boolean higherIsBetter() {
            return unit().endsWith("/s") || unit().startsWith("ops/");
        }

        /** Dynarecord's score over another flavour's, as measured (NaN when either is missing). */
        double ratio(Flavour other) {
            Measurement d = byFlavour.get(Flavour.DYNARECORD);
            Measurement o = byFlavour.get(other);
            return d == null || o == null ? Double.NaN : d.median() / o.median();
        }

        /** Dynarecord's speed relative to another flavour's: over 1 means faster, whatever the unit. */
        double speedup(Flavour other) {
            double r = ratio(other);
            return higherIsBetter() ? r : 1 / r;
        }

        double allocRatio(Flavour other) {
            Measurement d = byFlavour.get(Flavour.DYNARECORD);
            Measurement o = byFlavour.get(other);
            return d == null || o == null ? Double.NaN : d.allocBytes() / o.allocBytes();
        }
    }

    private final Profile profile;
    private final Path output;
    /** The regex that narrows the run, or null for all of it. */
    private final String only;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private Report(Profile profile, Path output, String only) {
        this.profile = profile;
        this.output = output;
        this.only = only;
    }

    /**
     * Runs the benchmarks of a profile and writes the report.
     *
     * @param args the profile ({@code quick} or {@code full}), the Markdown file to write, and
     *     optionally a regex of the benchmarks to run
     * @throws Exception when a benchmark or the writing fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: Report <quick|full> <path to docs/benchmarks.md> [regex of the benchmarks to run]");
            System.exit(2);
        }
        String only = args.length == 3 && !args[2].isBlank() ? args[2] : null;
        Path output = Path.of(args[1]);
        if (only != null && output.getFileName().toString().equals("benchmarks.md")) {
            throw new IllegalArgumentException("a run of only the benchmarks matching " + only + " would replace the whole"
                    + " report " + output + " with a few rows; write it to another file, e.g. target/benchmarks-partial.md");
        }
        new Report(Profile.of(args[0]), output, only).run();
    }

    /** The include regex of a group of benchmarks, narrowed to those the run is limited to. */
    private String narrowed(String group) {
        return only == null ? group : "(?=.*(?:" + only + "))" + group;
    }

    private void run() throws RunnerException, IOException, InterruptedException {
        long start = System.nanoTime();
        ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);
        int stubCount = count(narrowed(STUB_BENCHMARKS));
        int engineCount = count(narrowed(ENGINE_BENCHMARKS));
        TimeValue iteration = profile.iteration(stubCount + engineCount);
        System.out.printf(Locale.ROOT, "Benchmark profile %s: %d stub benchmarks, %d engine benchmarks; %s%n",
                profile.name(), stubCount, engineCount, profile.describe(iteration));

        if (stubCount > 0) {
            collect(runJmh(narrowed(STUB_BENCHMARKS), iteration, Mode.AverageTime, TimeUnit.NANOSECONDS, true));
        }
        if (engineCount > 0) {
            collect(runJmh(narrowed(ENGINE_BENCHMARKS), iteration, Mode.Throughput, TimeUnit.SECONDS, false));
        }
        if (only == null || Pattern.compile(only).matcher(ColdStart.class.getName()).find()) {
            coldStart();
        }
        if (only == null || Pattern.compile(only).matcher(HotKey.class.getName()).find()) {
            hotKey();
        }
        shareRaw();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String markdown = markdown(date, iteration, took);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(summary(took));
        System.out.println("Written: " + output.toAbsolutePath().normalize());
    }

    // ---------------------------------------------------------------------------------- JMH

    private static int count(String include) {
        int n = 0;
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(include), List.of())) {
            int combinations = 1;
            if (entry.getParams().hasValue()) {
                for (String[] values : entry.getParams().get().values()) {
                    combinations *= Math.max(1, values.length);
                }
            }
            n += combinations;
        }
        return n;
    }

    private Collection<RunResult> runJmh(String include, TimeValue iteration, Mode mode, TimeUnit unit, boolean gc)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(profile.forks())
                .warmupIterations(profile.warmups())
                .warmupTime(iteration)
                .measurementIterations(profile.measurements())
                .measurementTime(iteration)
                .mode(mode)
                .timeUnit(unit)
                .threads(1)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        return new Runner(options.build()).run();
    }

    private void collect(Collection<RunResult> results) {
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            Named named = Named.of(params);
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    scores.add(it.getPrimaryResult().getScore());
                }
            }
            Result<?> primary = result.getPrimaryResult();
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            Measurement m = new Measurement(median(scores), primary.getScoreError(), primary.getScoreUnit(),
                    alloc == null ? Double.NaN : alloc.getScore(), scores.size());
            put(named.section(), named.caseName(), named.flavour(), m, params.getBenchmark());
        }
    }

    /**
     * A raw flavour measured once is the yardstick of every case of the same name that differs by a
     * parameter of Dynarecord's alone: a row {@code get} with raw only gives its raw to
     * {@code get partitions=10}, {@code get partitions=50}, ..., and goes.
     */
    private void shareRaw() {
        for (Row lone : List.copyOf(rows.values())) {
            if (!lone.byFlavour.keySet().equals(Set.of(Flavour.RAW))) {
                continue;
            }
            List<Row> cases = rows.values().stream().filter(r -> r.section == lone.section && r.name.startsWith(lone.name + " ")
                    && !r.byFlavour.containsKey(Flavour.RAW)).toList();
            cases.forEach(r -> r.byFlavour.put(Flavour.RAW, lone.byFlavour.get(Flavour.RAW)));
            if (!cases.isEmpty()) {
                rows.values().remove(lone);
            }
        }
    }

    private void put(Section section, String caseName, Flavour flavour, Measurement m, String benchmark) {
        if (flavour == null) {
            notes.add("`" + benchmark + "` names no flavour (dynarecord, enhanced, raw): " + format(m.median()) + " "
                    + m.unit() + ", left out of the tables.");
            return;
        }
        Row row = rows.computeIfAbsent(section + "|" + caseName, k -> new Row(section, caseName));
        if (row.byFlavour.put(flavour, m) != null) {
            notes.add("Two benchmarks gave " + flavour.title + " for `" + caseName + "`; the later one (`"
                    + benchmark + "`) is shown.");
        }
    }

    /** Section, case and flavour of a JMH benchmark, from its class, method and parameters. */
    record Named(Section section, String caseName, Flavour flavour) {

        static Named of(BenchmarkParams params) {
            String full = params.getBenchmark();
            String local = full.startsWith(PACKAGE) ? full.substring(PACKAGE.length()) : full;
            String[] parts = local.replace('$', '.').split("\\.");
            String method = parts[parts.length - 1];
            Section section = Section.of(parts[0]);
            List<String> words = new ArrayList<>();
            for (int i = 1; i < parts.length - 1; i++) {
                words.add(parts[i]);
            }
            Flavour flavour = null;
            String rest = method;
            for (Flavour f : List.of(Flavour.DYNARECORD, Flavour.ENHANCED, Flavour.RAW)) {
                int at = method.toLowerCase(Locale.ROOT).indexOf(f.name().toLowerCase(Locale.ROOT));
                if (at >= 0) {
                    flavour = f;
                    rest = method.substring(0, at) + method.substring(at + f.name().length());
                    break;
                }
            }
            rest = rest.replaceAll("^_+|_+$", "");
            if (!rest.isEmpty()) {
                // smallToItem -> "small to item"
                words.add(rest.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
            }
            for (String key : params.getParamsKeys()) {
                String value = params.getParam(key);
                Flavour asFlavour = flavourOf(value);
                if (asFlavour != null && flavour == null) {
                    flavour = asFlavour;
                } else {
                    words.add(key + "=" + value);
                }
            }
            String caseName = words.isEmpty()
                    ? (section == Section.PLANNING ? "where(hash).where(range.gt).where(filter).limit(10) → Query" : parts[0])
                    : String.join(" ", words);
            return new Named(section, caseName, flavour);
        }

        private static Flavour flavourOf(String value) {
            for (Flavour f : Flavour.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            return null;
        }
    }

    // ---------------------------------------------------------------------------- cold start

    private void coldStart() throws IOException, InterruptedException {
        Map<Flavour, List<Double>> millis = new EnumMap<>(Flavour.class);
        List<Double> reflective = new ArrayList<>();
        List<Double> primed = new ArrayList<>();
        Flavour[] order = Flavour.values();
        for (int run = 0; run < profile.coldRuns(); run++) {
            double primedMs = coldStartMillis("dynarecord-primed", List.of());
            primed.add(primedMs);
            System.out.printf(Locale.ROOT, "cold start %d/%d %-21s %8.1f ms%n", run + 1, profile.coldRuns(), "Dynarecord (primed)",
                    primedMs);
            // one more turn than there are flavours: Dynarecord again, with method handles only
            for (int i = 0; i <= order.length; i++) {
                int turn = (run + i) % (order.length + 1); // alternate which one goes first
                Flavour f = turn < order.length ? order[turn] : Flavour.DYNARECORD;
                boolean handles = turn == order.length;
                double ms = coldStartMillis(f, handles);
                (handles ? reflective : millis.computeIfAbsent(f, k -> new ArrayList<>())).add(ms);
                System.out.printf(Locale.ROOT, "cold start %d/%d %-21s %8.1f ms%n", run + 1, profile.coldRuns(),
                        f.title + (handles ? " (reflective)" : ""), ms);
            }
        }
        for (Map.Entry<Flavour, List<Double>> e : millis.entrySet()) {
            put(Section.COLD_START, "large model: schema + first save + first find", e.getKey(), sampled(e.getValue(), "ms"),
                    "ColdStart " + e.getKey());
            if (e.getKey() != Flavour.DYNARECORD) {
                put(Section.COLD_START, "large model, reflective: schema + first save + first find", e.getKey(),
                        sampled(e.getValue(), "ms"), "ColdStart " + e.getKey());
            }
        }
        put(Section.COLD_START, "large model, reflective: schema + first save + first find", Flavour.DYNARECORD,
                sampled(reflective, "ms"), "ColdStart DYNARECORD -Ddynarecord.accessors=reflective");
        put(Section.COLD_START, PRIMED, Flavour.DYNARECORD, sampled(primed, "ms"), "ColdStart dynarecord-primed");
    }

    /** The cold-start row of a session primed before the clock starts: reported, no target, no other flavour. */
    private static final String PRIMED = "large model, after session.prime(...) in the initialisation: first save + first find";

    private static double coldStartMillis(Flavour f, boolean reflective) throws IOException, InterruptedException {
        return coldStartMillis(f.name().toLowerCase(Locale.ROOT),
                reflective ? List.of("-Ddynarecord.accessors=reflective") : List.of());
    }

    private static double coldStartMillis(String flavour, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> lines = Forked.run(ColdStart.class, jvmOptions, flavour);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
        if (!last.matches("\\d+")) {
            throw new IllegalStateException("ColdStart " + flavour + " printed no time:\n" + String.join("\n", lines));
        }
        return Long.parseLong(last) / 1e6;
    }

    // ----------------------------------------------------------------------------- hot key

    private void hotKey() throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "hot record: %d rounds of %d s per setting%n", profile.hotRounds(), profile.hotSeconds());
        List<String> lines = Forked.run(HotKey.class, List.of("-Xms1g", "-Xmx1g"), Integer.toString(profile.hotSeconds()),
                Integer.toString(profile.hotRounds()));
        lines.forEach(System.out::println);
        for (Map.Entry<String, List<Double>> e : HotKey.perSecond(lines, profile.hotRounds()).entrySet()) {
            put(Section.HOT_KEY, PartitionCost.hotCase(e.getKey()), Flavour.DYNARECORD, sampled(e.getValue(), "saves/s"),
                    "HotKey " + e.getKey());
        }
    }

    /** @return the median of values measured one by one, the error the 99.9% interval of their mean */
    private static Measurement sampled(List<Double> values, String unit) {
        ListStatistics stats = new ListStatistics(values.stream().mapToDouble(Double::doubleValue).toArray());
        double error = values.size() > 2 ? stats.getMeanErrorAt(0.999) : Double.NaN;
        return new Measurement(median(values), error, unit, Double.NaN, values.size());
    }

    // ------------------------------------------------------------------------------ writing

    private String markdown(ZonedDateTime date, TimeValue iteration, Duration took) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Dynarecord side by side with hand-written mapping over the raw SDK (`raw`, the floor) and the AWS SDK's"
                + " Enhanced Client (`Enhanced`, the peer). Generated by `dev.dynarecord.benchmarks.Report`; do not edit"
                + " by hand.\n\n");
        if (only != null) {
            md.append("**Partial run**: only the benchmarks matching `").append(only).append("`.\n\n");
        }
        md.append("```sh\n");
        md.append(profile.name().equals("quick") ? QUICK_COMMAND : FULL_COMMAND).append('\n');
        md.append("```\n\n");
        md.append(profile.name().equals("quick")
                ? "This is the quick profile (under 10 minutes on 2 cores). For careful runs: `" + FULL_COMMAND + "`.\n\n"
                : "This is the full profile. The quick one: `" + QUICK_COMMAND + "`.\n\n");
        md.append("## Machine and run\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append(" |\n");
        md.append("| CPU | ").append(Machine.cpu()).append(" |\n");
        md.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" available to the JVM |\n");
        md.append("| RAM | ").append(Machine.memory()).append(" |\n");
        md.append("| OS | ").append(Machine.os()).append(" |\n");
        md.append("| JVM | ").append(Machine.jvm()).append(" |\n");
        md.append("| JMH | ").append(Version.getPlainVersion()).append(", profile `").append(profile.name())
                .append("`: ").append(profile.describe(iteration))
                .append("; forks run with `-Xms1g -Xmx1g`, one thread |\n");
        md.append("| wall time | ").append(minutes(took)).append(" for the whole run |\n\n");

        md.append("## How to read this\n\n");
        md.append("- Each figure is the **median** of the measurement iterations (all forks); *error* is JMH's 99.9%"
                + " confidence interval half-width (± raw / Enhanced / Dynarecord). Cold start: median of fresh JVMs,"
                + " error as the 99.9% interval of their mean.\n");
        md.append("- Time per operation (ns/op, ms): **lower is better**; a ratio Dynarecord/x **below 1 means Dynarecord"
                + " is faster**. Throughput (ops/s, end to end): higher is better; a ratio **above 1** means"
                + " Dynarecord is faster.\n");
        md.append("- *alloc B/op* is `gc.alloc.rate.norm` from JMH's GC profiler: bytes allocated per operation,"
                + " lower is better. `-` where not measured.\n");
        md.append("- Figures from one run on one machine: a few percent either way is noise; compare ratios, not"
                + " absolute numbers across machines.\n\n");

        targets(md);

        for (Section section : Section.values()) {
            List<Row> inSection = rows.values().stream().filter(r -> r.section == section).toList();
            if (inSection.isEmpty()) {
                if (section != Section.OTHER) {
                    md.append("## ").append(section.title).append("\n\n_No results: no benchmark of this section ran._\n\n");
                }
                continue;
            }
            md.append("## ").append(section.title).append("\n\n").append(section.intro).append("\n\n");
            md.append("| case | raw | Enhanced | Dynarecord | unit | error | Dynarecord/raw | Dynarecord/Enhanced"
                    + " | raw B/op | Enhanced B/op | Dynarecord B/op |\n");
            md.append("|---|--:|--:|--:|---|---|--:|--:|--:|--:|--:|\n");
            for (Row row : inSection) {
                md.append("| ").append(row.name);
                for (Flavour f : Flavour.values()) {
                    Measurement m = row.byFlavour.get(f);
                    md.append(" | ").append(m == null ? "-" : format(m.median()));
                }
                md.append(" | ").append(row.unit()).append(" | ");
                List<String> errors = new ArrayList<>();
                for (Flavour f : Flavour.values()) {
                    Measurement m = row.byFlavour.get(f);
                    errors.add(m == null ? "-" : "±" + format(m.error()));
                }
                md.append(String.join(" / ", errors));
                md.append(" | ").append(ratio(row.ratio(Flavour.RAW)));
                md.append(" | ").append(ratio(row.ratio(Flavour.ENHANCED)));
                for (Flavour f : Flavour.values()) {
                    Measurement m = row.byFlavour.get(f);
                    md.append(" | ").append(m == null ? "-" : format(m.allocBytes()));
                }
                md.append(" |\n");
            }
            md.append('\n');
        }
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private void targets(StringBuilder md) {
        md.append("## Targets\n\n");
        md.append("| target | result | figures |\n|---|---|---|\n");
        List<Row> mapping = rows.values().stream()
                .filter(r -> r.section == Section.MAPPING || r.section == Section.CLIENT).toList();
        md.append(target("Mapping and through-the-client time: at most 1.1× raw",
                mapping, r -> r.ratio(Flavour.RAW), r -> !Double.isNaN(r) && r <= 1.1, "Dynarecord/raw", true));
        md.append(target("Allocation per operation: at most the Enhanced Client's",
                mapping, r -> r.allocRatio(Flavour.ENHANCED), r -> !Double.isNaN(r) && r <= 1.0,
                "Dynarecord/Enhanced bytes", true));
        md.append(target("Allocation per operation, ideally: within 1.2× raw",
                mapping, r -> r.allocRatio(Flavour.RAW), r -> !Double.isNaN(r) && r <= 1.2, "Dynarecord/raw bytes", true));
        List<Row> imports = rows.values().stream().filter(r -> r.section == Section.BATCH && r.name.startsWith("import"))
                .toList();
        md.append(target("importAll: at least 0.95× raw BatchWriteItem throughput (time per record at most 1.053× raw)",
                imports, r -> r.ratio(Flavour.RAW), r -> !Double.isNaN(r) && r <= 1 / 0.95, "Dynarecord/raw time", true));
        List<Row> batchGets = rows.values().stream().filter(r -> r.section == Section.BATCH && r.name.startsWith("batch get"))
                .toList();
        md.append(target("Batch get (`byIds`): at least 0.95× raw BatchGetItem throughput (time per record at most 1.053× raw)",
                batchGets, r -> r.ratio(Flavour.RAW), r -> !Double.isNaN(r) && r <= 1 / 0.95, "Dynarecord/raw time", true));
        List<Row> engine = rows.values().stream().filter(r -> r.section == Section.ENGINE).toList();
        md.append(target("End to end on the embedded engine: at least 0.95× raw throughput (put, get, query)",
                engine, r -> r.speedup(Flavour.RAW), r -> !Double.isNaN(r) && r >= 0.95, "Dynarecord/raw throughput",
                false));
        // the target is the generated mode's; the reflective row is in the table, reported
        List<Row> cold = rows.values().stream().filter(r -> r.section == Section.COLD_START && !r.name.contains("reflective")
                && !r.name.equals(PRIMED))
                .toList();
        md.append(target("Cold start (40 attributes, fresh JVM, generated field access): at most 1/3 of the Enhanced Client's",
                cold, r -> r.ratio(Flavour.ENHANCED), r -> !Double.isNaN(r) && r <= 1.0 / 3, "Dynarecord/Enhanced",
                true));
        md.append(ObserverCost.targets(rows.values()));
        md.append(PartitionCost.targets(rows.values()));
        md.append('\n');
    }

    private static String target(String title, List<Row> rows, java.util.function.ToDoubleFunction<Row> ratio,
            java.util.function.DoublePredicate ok, String what, boolean lowerIsBetter) {
        int measured = 0;
        int met = 0;
        Row worst = null;
        double worstValue = Double.NaN;
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            double r = ratio.applyAsDouble(row);
            if (Double.isNaN(r) || Double.isInfinite(r)) {
                continue;
            }
            measured++;
            if (ok.test(r)) {
                met++;
            } else {
                misses.add(row.name + " " + ratio(r));
            }
            if (worst == null || (lowerIsBetter ? r > worstValue : r < worstValue)) {
                worst = row;
                worstValue = r;
            }
        }
        if (measured == 0) {
            return "| " + title + " | not measured | - |\n";
        }
        String result = met == measured ? "**met**" : "**not met**";
        String figures = what + ": met in " + met + " of " + measured + " cases; worst " + worst.name + " "
                + ratio(worstValue) + (misses.isEmpty() || measured == 1 ? "" : "; missed: " + String.join(", ", misses));
        return "| " + title + " | " + result + " | " + figures + " |\n";
    }

    private String summary(Duration took) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Benchmark summary (%s profile, %s)%n", profile.name(), minutes(took)));
        out.append(String.format(Locale.ROOT, "%-20s %-58s %12s %12s %12s %-6s %8s %8s%n", "section", "case", "raw",
                "Enhanced", "Dynarecord", "unit", "D/raw", "D/Enh"));
        for (Row row : rows.values()) {
            out.append(String.format(Locale.ROOT, "%-20s %-58s %12s %12s %12s %-6s %8s %8s%n", row.section.title,
                    row.name.length() > 58 ? row.name.substring(0, 57) + "…" : row.name,
                    cell(row, Flavour.RAW), cell(row, Flavour.ENHANCED), cell(row, Flavour.DYNARECORD), row.unit(),
                    ratio(row.ratio(Flavour.RAW)), ratio(row.ratio(Flavour.ENHANCED))));
        }
        StringBuilder md = new StringBuilder();
        targets(md);
        for (String line : md.toString().split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| target")) {
                String[] cells = line.split(" \\| ");
                out.append(cells[0].substring(2)).append(": ").append(cells[1].replace("**", "")).append(" — ")
                        .append(cells.length > 2 ? cells[2].replaceAll(" \\|$", "") : "").append('\n');
            }
        }
        notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        return out.toString();
    }

    /**
     * @param rows the rows measured
     * @param section a section
     * @param name a case of it
     * @param flavour who
     * @return the case's measurement of the flavour, or null when there is none
     */
    static Measurement measured(Collection<Row> rows, Section section, String name, Flavour flavour) {
        return rows.stream().filter(r -> r.section == section && r.name.equals(name)).findFirst()
                .map(r -> r.byFlavour.get(flavour)).orElse(null);
    }

    private static String cell(Row row, Flavour f) {
        Measurement m = row.byFlavour.get(f);
        return m == null ? "-" : format(m.median());
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
