package io.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown a harness run prints and writes: its context, the comparison table, notes and the raw JMH figures. */
final class Report {

    /** One line of the comparison table. */
    record Row(String scenario, String database, String crmkit, String references, String ratio, String target,
               String met) {
    }

    final List<String> context = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> raw = new ArrayList<>();

    void row(String scenario, String database, String crmkit, String references, String ratio, String target,
             String met) {
        rows.add(new Row(scenario, database, crmkit, references, ratio, target, met));
    }

    /** The table alone. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| Scenario | Database | crmkit | Reference points | Ratio | Target | Met |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.scenario()).append(" | ").append(r.database()).append(" | ").append(r.crmkit())
                    .append(" | ").append(r.references()).append(" | ").append(r.ratio()).append(" | ")
                    .append(r.target()).append(" | ").append(r.met()).append(" |\n");
        }
        return out.toString();
    }

    /** The whole report. */
    String markdown(String title) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        for (String line : context) {
            out.append("- ").append(line).append('\n');
        }
        out.append('\n').append(table());
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n\n");
            for (String note : notes) {
                out.append("- ").append(note).append('\n');
            }
        }
        if (!raw.isEmpty()) {
            out.append("\n<details><summary>JMH figures (score ± 99.9 % error)</summary>\n\n```\n");
            for (String line : raw) {
                out.append(line).append('\n');
            }
            out.append("```\n\n</details>\n");
        }
        return out.toString();
    }

    // ---- formatting --------------------------------------------------------------------------------------------

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A duration given in microseconds, in µs below a millisecond, else in ms or s. */
    static String micros(double us) {
        if (us < 1000) {
            return String.format(Locale.ROOT, "%.0f µs", us);
        }
        if (us < 10_000) {
            return String.format(Locale.ROOT, "%.2f ms", us / 1000);
        }
        if (us < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", us / 1000);
        }
        return String.format(Locale.ROOT, "%.2f s", us / 1_000_000);
    }

    static String ratio(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f×", value);
        }
        if (value >= 0.01) {
            return String.format(Locale.ROOT, value >= 10 ? "%.1f×" : "%.2f×", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(2)).toPlainString() + "×";
    }

    static String bytes(double value) {
        if (value < 10_000) {
            return String.format(Locale.ROOT, "%,.0f B/op", value);
        }
        return String.format(Locale.ROOT, "%,.1f KB/op", value / 1024);
    }

    // ---- the machine ---------------------------------------------------------------------------------------------

    static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String memory = "unknown memory";
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            long total = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
            memory = String.format(Locale.ROOT, "%.1f GiB memory", total / (1024.0 * 1024 * 1024));
        }
        return cores + " cores (" + cpuModel() + "), " + memory + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return "CPU model unknown";
    }

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }
}
