package dev.dynarecord.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The report's lines on what metrics and tracing cost ({@link ObservedBenchmark}): with the
 * observers off, a session must stay within noise of one measured without them in the same run
 * ({@link ClientBenchmark}); with them on, the cost over off is reported as measured.
 */
final class ObserverCost {

    /** Off over a session without observers: above this is more than the noise of a shared machine. */
    static final double NOISE = 1.10;
    private static final List<String> CASES = List.of("small put", "small get");

    private ObserverCost() {
    }

    /** @return the two lines of the targets table, or "not measured" ones */
    static String targets(Collection<Report.Row> rows) {
        List<String> offFigures = new ArrayList<>();
        List<String> onFigures = new ArrayList<>();
        boolean met = true;
        for (String name : CASES) {
            Report.Measurement off = dynarecord(rows, Report.Section.OBSERVED, name + " observers=off");
            Report.Measurement on = dynarecord(rows, Report.Section.OBSERVED, name + " observers=on");
            Report.Measurement plain = dynarecord(rows, Report.Section.CLIENT, name);
            if (off != null && plain != null) {
                double r = off.median() / plain.median();
                met &= r <= NOISE;
                offFigures.add(name + " " + Report.ratio(r));
            }
            if (off != null && on != null) {
                onFigures.add(String.format(Locale.ROOT, "%s %s time, %+.0f B/op", name, Report.ratio(on.median() / off.median()),
                        on.allocBytes() - off.allocBytes()));
            }
        }
        String offLine = offFigures.isEmpty() ? "| Metrics and tracing off: within noise of a session without them | not measured | - |\n"
                : "| Metrics and tracing off: within noise of a session without them (at most " + Report.ratio(NOISE) + ") | "
                        + (met ? "**met**" : "**not met**") + " | observers=off / Through the client: "
                        + String.join(", ", offFigures) + " |\n";
        String onLine = onFigures.isEmpty() ? "| Metrics and tracing on: cost over off | not measured | - |\n"
                : "| Metrics and tracing on: cost over off (reported, no target) | measured | on / off: "
                        + String.join("; ", onFigures) + " |\n";
        return offLine + onLine;
    }

    private static Report.Measurement dynarecord(Collection<Report.Row> rows, Report.Section section, String name) {
        return Report.measured(rows, section, name, Report.Flavour.DYNARECORD);
    }
}
