package io.crmkit.benchmarks;

import io.crmkit.benchmarks.support.BenchDatabase;
import io.crmkit.benchmarks.support.BenchDatabase.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The comparison harness: runs the JMH benchmarks of every scenario (crmkit and its reference points, in one run,
 * on the same generated data), prints a Markdown table of the figures and their ratios, and writes it with its
 * context to {@code crm-benchmarks/results/<date>-<profile>.md}.
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar --profile quick
 * java -jar crm-benchmarks/target/benchmarks.jar --profile full
 * </pre>
 *
 * Options: {@code --profile quick|full} (default quick), {@code --databases h2,postgresql} (default both; PostgreSQL
 * is skipped with a message when it cannot be reached), {@code --scenarios 1,2,3,4,5} (default all),
 * {@code --results DIR} (default {@code crm-benchmarks/results}, or {@code results} when run inside
 * crm-benchmarks), {@code --no-results} (print only), {@code --note TEXT} (a caveat written into the results, e.g.
 * "shared machine"). JMH's own output goes to {@code target/jmh-<scenario>.log} beside the results' module.
 */
public final class Compare {

    private static final String PACKAGE = Compare.class.getPackageName();

    private final Profile profile;
    private final List<Kind> databases;
    private final Set<Integer> scenarios;
    private final Path logDir;
    private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Report report = new Report();

    private Compare(Profile profile, List<Kind> databases, Set<Integer> scenarios, Path logDir) {
        this.profile = profile;
        this.databases = databases;
        this.scenarios = scenarios;
        this.logDir = logDir;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("help")) {
            System.out.println("java -jar crm-benchmarks/target/benchmarks.jar [--profile quick|full]"
                    + " [--databases h2,postgresql] [--scenarios 1,2,3,4,5] [--results DIR] [--no-results]"
                    + " [--note TEXT]");
            return;
        }
        Profile profile = Profile.of(options.getOrDefault("profile", "quick"));
        Set<Integer> scenarios = new LinkedHashSet<>();
        for (String s : options.getOrDefault("scenarios", "1,2,3,4,5").split(",")) {
            scenarios.add(Integer.parseInt(s.trim()));
        }
        List<Kind> databases = new ArrayList<>();
        for (String s : options.getOrDefault("databases", "h2,postgresql").split(",")) {
            databases.add(Kind.of(s.trim()));
        }
        Path module = moduleDir();
        Path results = options.containsKey("results") ? Path.of(options.get("results")) : module.resolve("results");
        Compare compare = new Compare(profile, databases, scenarios, module.resolve("target"));
        StringBuilder command = new StringBuilder();
        for (String arg : args) {
            command.append(command.length() == 0 ? "" : " ")
                    .append(arg.matches("[A-Za-z0-9_.,/=:-]+") ? arg : "\"" + arg.replace("\"", "\\\"") + "\"");
        }
        String markdown = compare.run(command.toString(), options.get("note"));
        System.out.println();
        System.out.println(markdown);
        if (!options.containsKey("no-results")) {
            Files.createDirectories(results);
            // a second run of the day goes beside the first, never over it
            String stem = LocalDate.now(ZoneOffset.UTC) + "-" + profile.name();
            Path file = results.resolve(stem + ".md");
            for (int n = 2; Files.exists(file); n++) {
                file = results.resolve(stem + "-" + n + ".md");
            }
            Files.writeString(file, markdown);
            System.out.println("Written to " + file);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; try --help");
            }
            String key = arg.substring(2);
            if (key.equals("help") || key.equals("no-results")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }

    /** crm-benchmarks, seen from the working directory: the project root or the module itself. */
    private static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("crm-benchmarks"))) {
            return here.resolve("crm-benchmarks");
        }
        return here;
    }

    // ---- the run -------------------------------------------------------------------------------------------------

    String run(String arguments, String note) throws RunnerException, IOException {
        Instant start = Instant.now();
        String loadBefore = Report.loadAverage();
        List<Kind> usable = new ArrayList<>();
        String postgresVersion = null;
        for (Kind kind : databases) {
            if (kind == Kind.POSTGRESQL) {
                BenchDatabase.Postgres pg = BenchDatabase.Postgres.fromEnvironment();
                Optional<String> problem = pg.unreachable();
                if (problem.isPresent()) {
                    String message = "PostgreSQL scenarios skipped: " + problem.get() + ". Set CRM_TEST_POSTGRES_URL"
                            + " (and _USER, _PASSWORD) to run them.";
                    System.out.println(message);
                    report.notes.add(message);
                    continue;
                }
                postgresVersion = pg.version();
            }
            usable.add(kind);
        }
        Files.createDirectories(logDir);
        try {
            if (scenarios.contains(1)) {
                ingest(usable);
            }
            if (scenarios.contains(2)) {
                timeline(usable);
            }
            if (scenarios.contains(3)) {
                pipelineSummary(usable);
            }
            if (scenarios.contains(4)) {
                inMemory();
            }
            if (scenarios.contains(5)) {
                leadScoring();
            }
        } finally {
            List<String> dropped = BenchDatabase.dropShared(BenchDatabase.PREFIX + runId,
                    usable.contains(Kind.POSTGRESQL));
            if (!dropped.isEmpty()) {
                System.out.println("Dropped the data sets the forks shared: " + String.join(", ", dropped));
            }
        }
        Duration took = Duration.between(start, Instant.now());
        report.context.add("Date: " + DateTimeFormatter.ISO_INSTANT.format(start.truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)) + "; profile **" + profile.name() + "**; took "
                + took.toMinutes() + " min " + took.toSecondsPart() + " s");
        report.context.add("Command: `java -jar crm-benchmarks/target/benchmarks.jar " + arguments + "`");
        report.context.add("Machine: " + Report.machine() + "; load average " + loadBefore + " at the start, "
                + Report.loadAverage() + " at the end");
        report.context.add("JVM: " + Report.jvm() + "; JMH 1.37, " + profile.forks() + " fork(s) per benchmark");
        report.context.add("Databases: " + h2Version() + " (embedded in the benchmark's JVM: in memory for the "
                + "ingest, a file database with a cache larger than the data for the read scenarios)"
                + (postgresVersion == null ? "; PostgreSQL not used" : "; " + postgresVersion + " at "
                + BenchDatabase.Postgres.fromEnvironment().url().replaceAll("^jdbc:postgresql://([^/?]*).*$", "$1")
                + " (over TCP)"));
        if (note != null && !note.isBlank()) {
            report.context.add("**Note:** " + note);
        }
        report.notes.add("Ratios compare figures of the same run on the same generated data. Higher rows/s and "
                + "ops/s are better, lower times are better. Every benchmark ran in its own JVM (JMH fork).");
        return report.markdown("crmkit benchmarks, " + profile.name() + " profile");
    }

    private static String h2Version() {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:version_probe")) {
            return "H2 " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "H2 (version unknown)";
        }
    }

    private ChainedOptionsBuilder options(Class<?> benchmark, String scenario) {
        // The forks inherit the environment (CRM_TEST_POSTGRES_URL, ...); only the run id is passed on.
        return new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .forks(profile.forks())
                .shouldFailOnError(false)
                .verbosity(VerboseMode.NORMAL)
                .output(logDir.resolve("jmh-" + scenario + ".log").toString())
                .jvmArgsAppend("-Xms2g", "-Xmx4g", "-Dorg.jboss.logging.provider=slf4j", "-D" + io.crmkit.benchmarks.support.Datasets.RUN_ID + "=" + runId);
    }

    private Collection<RunResult> run(ChainedOptionsBuilder builder, String scenario) throws RunnerException {
        System.out.println("Running " + scenario + " (JMH output: " + logDir.resolve("jmh-" + scenario + ".log")
                + ") ...");
        long t = System.nanoTime();
        Collection<RunResult> results = new Runner(builder.build()).run();
        System.out.printf(Locale.ROOT, "  done in %.0f s%n", (System.nanoTime() - t) / 1e9);
        for (RunResult r : results) {
            Result<?> primary = r.getPrimaryResult();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-52s %-11s %14.3f ± %10.3f %s",
                    r.getParams().getBenchmark().substring(PACKAGE.length() + 1), param(r, "database"),
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
            if (primary.getStatistics().getN() > 0 && "SampleTime".equals(r.getParams().getMode().name())) {
                line.append(String.format(Locale.ROOT, "  (p50 %.3f)", primary.getStatistics().getPercentile(50)));
            }
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc != null) {
                line.append(String.format(Locale.ROOT, "  alloc %.0f %s", alloc.getScore(), alloc.getScoreUnit()));
            }
            report.raw.add(line.toString());
        }
        return results;
    }

    private static String param(RunResult r, String name) {
        String value = r.getParams().getParam(name);
        return value == null ? "-" : value;
    }

    /** The result of {@code method} on {@code database} (or any database when null), if it ran. */
    private static Optional<RunResult> find(Collection<RunResult> results, String method, Kind database) {
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            if (benchmark.endsWith("." + method)
                    && (database == null || database.param().equals(r.getParams().getParam("database")))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String missing(String what) {
        return what + " failed (see the JMH log)";
    }

    // ---- scenario 1 ----------------------------------------------------------------------------------------------

    private void ingest(List<Kind> dbs) throws RunnerException {
        if (dbs.isEmpty()) {
            return;
        }
        ChainedOptionsBuilder b = options(IngestBenchmark.class, "1-ingest")
                .param("database", params(dbs))
                .param("touchpoints", String.valueOf(profile.ingestTouchpoints()))
                .param("customers", String.valueOf(profile.ingestCustomers()))
                .warmupIterations(1)
                .measurementIterations(profile.ingestIterations());
        Collection<RunResult> results = run(b, "1-ingest");
        String scenario = String.format(Locale.ROOT, "1. Ingest %s touchpoints of %s customers, `recordAll` chunks"
                        + " of 1,000", Report.count(profile.ingestTouchpoints()),
                Report.count(profile.ingestCustomers()));
        for (Kind db : dbs) {
            Optional<Double> crmkit = rowsPerSecond(results, "crmkit", db);
            Optional<Double> raw = rowsPerSecond(results, "rawJdbc", db);
            Optional<Double> jpa = rowsPerSecond(results, "jpa", db);
            boolean pg = db == Kind.POSTGRESQL;
            String crmkitText = crmkit.map(v -> Report.count(v) + " rows/s").orElse(missing("crmkit"));
            report.row(scenario, db.display(), crmkitText,
                    "raw JDBC batch " + raw.map(v -> Report.count(v) + " rows/s").orElse("failed"),
                    crmkit.isPresent() && raw.isPresent() ? Report.ratio(crmkit.get() / raw.get()) + " of raw" : "—",
                    pg ? "≥ 0.70× raw" : "— (targets are for PostgreSQL)",
                    pg && crmkit.isPresent() && raw.isPresent() ? (crmkit.get() / raw.get() >= 0.7 ? "yes" : "**no**")
                            : "—");
            report.row(scenario, db.display(), crmkitText,
                    "JPA/Hibernate " + jpa.map(v -> Report.count(v) + " rows/s").orElse("failed"),
                    crmkit.isPresent() && jpa.isPresent() ? Report.ratio(crmkit.get() / jpa.get()) + " of JPA" : "—",
                    pg ? "≥ 3× JPA" : "—",
                    pg && crmkit.isPresent() && jpa.isPresent() ? (crmkit.get() / jpa.get() >= 3 ? "yes" : "**no**")
                            : "—");
        }
        report.notes.add("Ingest: one operation writes all touchpoints into empty tables (truncated before each "
                + "iteration), one transaction per chunk of 1,000; rows/s = touchpoints / mean time of "
                + profile.ingestIterations() + " measured single shots after one warm-up shot. crmkit: "
                + "`Touchpoints.recordAll` on `JdbcCrmStorage` (batch size 1,000), which validates every input, checks "
                + "the customers exist, inserts each chunk (PostgreSQL: one `INSERT ... SELECT ... FROM unnest(arrays)`, "
                + "tried without `ON CONFLICT` in a savepoint, with `ON CONFLICT DO NOTHING RETURNING id` after a "
                + "duplicate; H2: a batch of guarded inserts) and upserts the per-customer activity rows. Raw JDBC: a JDBC batch of plain INSERTs into a "
                + "table with the same columns, keys and indexes. JPA: Hibernate ORM 7.4 `persist` with "
                + "`hibernate.jdbc.batch_size=1000`, `order_inserts`, application-assigned UUIDv7 ids, one "
                + "EntityManager per chunk. PostgreSQL connections of all three use `reWriteBatchedInserts=true` "
                + "(crmkit writes its own multi-row statements, so it is unaffected); all share one HikariCP pool.");
    }

    private static Optional<Double> rowsPerSecond(Collection<RunResult> results, String method, Kind db) {
        return find(results, method, db).map(r -> {
            double ms = r.getPrimaryResult().getScore();
            return Double.parseDouble(r.getParams().getParam("touchpoints")) / (ms / 1000);
        });
    }

    // ---- scenario 2 ----------------------------------------------------------------------------------------------

    private void timeline(List<Kind> dbs) throws RunnerException {
        if (dbs.isEmpty()) {
            return;
        }
        ChainedOptionsBuilder b = timedOptions(TimelineBenchmark.class, "2-timeline")
                .param("database", params(dbs))
                .param("touchpoints", String.valueOf(profile.timelineTouchpoints()))
                .param("hotTouchpoints", String.valueOf(profile.hotTouchpoints()))
                .param("customers", String.valueOf(profile.timelineCustomers()))
                .param("pageSize", String.valueOf(profile.pageSize()))
                .param("depth", String.valueOf(profile.depth()));
        Collection<RunResult> results = run(b, "2-timeline");
        String data = String.format(Locale.ROOT, "a customer with %s of %s touchpoints",
                Report.count(profile.hotTouchpoints()), Report.count(profile.timelineTouchpoints()));
        for (Kind db : dbs) {
            Optional<Double> crmkitFirst = median(results, "crmkitFirstPage", db);
            Optional<Double> crmkitDeep = median(results, "crmkitPageAtDepth", db);
            Optional<Double> rawFirst = median(results, "rawKeysetFirstPage", db);
            Optional<Double> rawDeep = median(results, "rawKeysetPageAtDepth", db);
            Optional<Double> jpaFirst = median(results, "jpaOffsetFirstPage", db);
            Optional<Double> jpaDeep = median(results, "jpaOffsetPageAtDepth", db);
            report.row("2. Timeline, first page of " + profile.pageSize() + ", " + data, db.display(),
                    time(crmkitFirst, "crmkit"),
                    "raw keyset " + time(rawFirst, "") + "; JPA OFFSET " + time(jpaFirst, ""),
                    crmkitFirst.isPresent() && rawFirst.isPresent()
                            ? Report.ratio(crmkitFirst.get() / rawFirst.get()) + " raw's time" : "—",
                    "—", "—");
            boolean pg = db == Kind.POSTGRESQL;
            String met = "—";
            String ratio = "—";
            if (crmkitFirst.isPresent() && crmkitDeep.isPresent() && jpaFirst.isPresent() && jpaDeep.isPresent()) {
                double crmkitRatio = crmkitDeep.get() / crmkitFirst.get();
                double offsetRatio = jpaDeep.get() / jpaFirst.get();
                ratio = "depth ÷ first page: crmkit " + Report.ratio(crmkitRatio)
                        + rawDeep.flatMap(d -> rawFirst.map(f -> ", raw keyset " + Report.ratio(d / f))).orElse("")
                        + ", JPA OFFSET " + Report.ratio(offsetRatio);
                boolean ok = crmkitRatio <= 1.5 && (!pg || crmkitDeep.get() < 2000);
                met = ok ? "yes" : "**no**";
                if (offsetRatio > 1.5) {
                    met += "; OFFSET degrades " + Report.ratio(offsetRatio);
                } else {
                    met += "; OFFSET does not degrade with depth here, but every OFFSET page is "
                            + Report.ratio(jpaFirst.get() / crmkitFirst.get()) + " slower than crmkit's";
                }
            }
            report.row("2. Timeline, page at depth " + Report.count(profile.depth()) + " (rows "
                            + Report.count((long) profile.depth() * profile.pageSize() + 1) + "–), " + data,
                    db.display(), time(crmkitDeep, "crmkit"),
                    "raw keyset " + time(rawDeep, "") + "; JPA OFFSET " + time(jpaDeep, ""), ratio,
                    "crmkit ≤ 1.5× its first page" + (pg ? " and < 2 ms (issue #5)" : "")
                            + ", while OFFSET degrades", met);
        }
        report.notes.add("Timeline: median time per page (JMH sample mode, " + profile.warmupIterations() + " warm-up and "
                + profile.measurementIterations() + " measured iterations of " + profile.iterationSeconds()
                + " s), including taking a pooled connection and mapping the rows to objects. crmkit: "
                + "`Touchpoints.timeline(customer, PageRequest)` with the cursor of the page before (it checks the "
                + "cursor's signature, and looks the customer up only when a page is empty). Raw keyset: one hand-written query from the last row of the page "
                + "before. JPA OFFSET: JPQL `order by occurredAt desc, id desc` with `setFirstResult(depth × "
                + profile.pageSize() + ")`/`setMaxResults(" + profile.pageSize() + ")` on crmkit's table mapped as "
                + "a read-only entity, as Spring Data's `Pageable` does (without its count query). All three read the "
                + "same rows of crmkit's table. On H2 the JPA query is slow on every page: without the equality-bound "
                + "columns in its ORDER BY, H2 sorts the customer's whole history instead of reading the timeline "
                + "index in order (DESIGN.md §5).");
    }

    private ChainedOptionsBuilder timedOptions(Class<?> benchmark, String scenario) {
        return options(benchmark, scenario)
                .warmupIterations(profile.warmupIterations())
                .warmupTime(TimeValue.seconds(profile.iterationSeconds()))
                .measurementIterations(profile.measurementIterations())
                .measurementTime(TimeValue.seconds(profile.iterationSeconds()));
    }

    /** The median time of a sample-mode benchmark, in microseconds. */
    private static Optional<Double> median(Collection<RunResult> results, String method, Kind db) {
        return find(results, method, db).map(r -> r.getPrimaryResult().getStatistics().getPercentile(50));
    }

    private static String time(Optional<Double> micros, String what) {
        return micros.map(Report::micros).orElse(what.isEmpty() ? "failed" : missing(what));
    }

    // ---- scenario 3 ----------------------------------------------------------------------------------------------

    private void pipelineSummary(List<Kind> dbs) throws RunnerException {
        if (dbs.isEmpty()) {
            return;
        }
        Optional<String> unavailable = PipelineSummaryBenchmark.unavailable();
        if (unavailable.isPresent()) {
            String message = "Scenario 3 (pipeline summary on a database) skipped: " + unavailable.get();
            System.out.println(message);
            report.notes.add(message);
            return;
        }
        ChainedOptionsBuilder b = timedOptions(PipelineSummaryBenchmark.class, "3-summary")
                .param("database", params(dbs))
                .param("deals", String.valueOf(profile.deals()))
                .param("customers", String.valueOf(profile.dealCustomers()));
        Collection<RunResult> results = run(b, "3-summary");
        String scenario = "3. Pipeline summary, " + Report.count(profile.deals()) + " deals in 8 stages";
        for (Kind db : dbs) {
            Optional<Double> crmkit = median(results, "crmkitSummary", db);
            Optional<Double> raw = median(results, "rawGroupBy", db);
            Optional<Double> jpa = median(results, "jpaLoadAndAggregate", db);
            String ratio = "—";
            String met = "—";
            if (crmkit.isPresent() && raw.isPresent() && jpa.isPresent()) {
                double vsRaw = crmkit.get() / raw.get();
                double vsJpa = jpa.get() / crmkit.get();
                ratio = Report.ratio(vsRaw) + " raw's time; " + Report.ratio(vsJpa) + " faster than JPA";
                met = vsRaw <= 1.5 && vsJpa >= 10 ? "yes" : "**no**";
            }
            report.row(scenario, db.display(), time(crmkit, "crmkit"),
                    "raw SQL GROUP BY " + time(raw, "") + "; JPA load + aggregate in Java " + time(jpa, ""), ratio,
                    "≤ 1.5× GROUP BY; ≥ 10× faster than JPA", met);
        }
        report.notes.add("Pipeline summary: median time per summary (sample mode). crmkit: `Deals.summary(pipeline)`"
                + " (per stage and currency: count, amount, weighted amount), which on the JDBC adapter reads the "
                + "running totals per stage and currency that the adapter keeps in every deal's transaction "
                + "(`crm_deal_stage_total`): its time does not grow with the number of deals. Raw SQL: `SELECT stage_id, currency, "
                + "count(*), sum(amount), sum(weighted_amount) ... GROUP BY stage_id, currency` over crmkit's deal "
                + "table. JPA: a JPQL query loading the pipeline's deals as entities (crmkit's deal table mapped "
                + "read-only), summed per stage and currency in Java.");
    }

    // ---- scenario 4 ----------------------------------------------------------------------------------------------

    private void inMemory() throws RunnerException {
        ChainedOptionsBuilder b = timedOptions(InMemoryBenchmark.class, "4-in-memory")
                .addProfiler(GCProfiler.class)
                .param("touchpoints", String.valueOf(profile.timelineTouchpoints()))
                .param("hotTouchpoints", String.valueOf(profile.hotTouchpoints()))
                .param("customers", String.valueOf(Math.min(profile.timelineCustomers(), profile.dealCustomers())))
                .param("pageSize", String.valueOf(profile.pageSize()))
                .param("depth", String.valueOf(profile.depth()))
                .param("deals", String.valueOf(profile.deals()));
        Collection<RunResult> results = run(b, "4-in-memory");
        inMemoryRow(results, "recordTouchpoint", "4. In-memory: record one touchpoint (`Touchpoints.record`)");
        inMemoryRow(results, "timelinePageAtDepth", "4. In-memory: timeline page of " + profile.pageSize()
                + " at depth " + Report.count(profile.depth()) + ", customer with "
                + Report.count(profile.hotTouchpoints()) + " touchpoints");
        inMemoryRow(results, "pipelineSummary", "4. In-memory: pipeline summary, " + Report.count(profile.deals())
                + " deals in 8 stages");
        report.notes.add("In-memory: throughput of one thread (" + profile.measurementIterations()
                + " iterations of " + profile.iterationSeconds() + " s) and allocation per operation from JMH's gc "
                + "profiler (`gc.alloc.rate.norm`). The recording benchmark starts every iteration on an empty "
                + "storage with 100 customers.");
    }

    private void inMemoryRow(Collection<RunResult> results, String method, String scenario) {
        Optional<RunResult> r = find(results, method, null);
        String figure = r.map(x -> {
            Result<?> alloc = x.getSecondaryResults().get("gc.alloc.rate.norm");
            return Report.count(x.getPrimaryResult().getScore()) + " ops/s"
                    + (alloc == null ? "" : ", " + Report.bytes(alloc.getScore()));
        }).orElse(missing(method));
        report.row(scenario, "in-memory", figure, "—", "—", "—", "—");
    }

    // ---- scenario 5 ----------------------------------------------------------------------------------------------

    private void leadScoring() throws RunnerException {
        ChainedOptionsBuilder b = timedOptions(LeadScoringBenchmark.class, "5-lead-scoring")
                .addProfiler(GCProfiler.class)
                .param("leads", String.valueOf(profile.leads()));
        Collection<RunResult> results = run(b, "5-lead-scoring");
        String scenario = "5. Lead scoring, " + Report.count(profile.leads())
                + " leads with 100 touchpoints each, 20-rule model";
        report.row(scenario + ": `ScoringModel.score`", "—", scores(results, "score"), "—", "—", "—", "—");
        report.row(scenario + ": `Leads.score` (in-memory storage)", "in-memory", scores(results, "scoreThroughApi"),
                "—", "—", "—", "—");
        report.notes.add(LeadScoringBenchmark.DESCRIPTION);
    }

    private static String scores(Collection<RunResult> results, String method) {
        return find(results, method, null).map(x -> {
            Result<?> alloc = x.getSecondaryResults().get("gc.alloc.rate.norm");
            return Report.count(x.getPrimaryResult().getScore()) + " scores/s"
                    + (alloc == null ? "" : ", " + Report.bytes(alloc.getScore()));
        }).orElse(missing(method));
    }

    private static String[] params(List<Kind> dbs) {
        return dbs.stream().map(Kind::param).toArray(String[]::new);
    }
}
