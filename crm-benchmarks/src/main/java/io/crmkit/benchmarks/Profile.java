package io.crmkit.benchmarks;

import java.util.Locale;

/**
 * The sizes and JMH settings of a harness run. {@link #QUICK} checks that everything works and gives first figures in
 * under ten minutes on two cores; {@link #FULL} uses the sizes of issue #7 (a million touchpoints, a customer with
 * 100,000 of them, a million deals) and more forks and iterations.
 *
 * @param name                  {@code quick} or {@code full}
 * @param ingestTouchpoints     touchpoints written per ingest operation (scenario 1)
 * @param ingestCustomers       the customers they belong to
 * @param ingestIterations      measured single shots per ingest benchmark (after one warm-up shot)
 * @param timelineTouchpoints   touchpoints in the timeline data set (scenarios 2 and 4)
 * @param hotTouchpoints        of which the one customer whose timeline is paged has these
 * @param timelineCustomers     customers in the timeline data set
 * @param pageSize              touchpoints per timeline page
 * @param depth                 the deep page comes after this many pages
 * @param deals                 deals in the pipeline of the summary (scenarios 3 and 4)
 * @param dealCustomers         the customers they belong to
 * @param leads                 leads scored in turn (scenario 5)
 * @param forks                 JMH forks per benchmark
 * @param warmupIterations      JMH warm-up iterations of the timed scenarios
 * @param measurementIterations JMH measured iterations of the timed scenarios
 * @param iterationSeconds      seconds per warm-up or measured iteration
 */
public record Profile(String name, int ingestTouchpoints, int ingestCustomers, int ingestIterations,
                      int timelineTouchpoints, int hotTouchpoints, int timelineCustomers, int pageSize, int depth,
                      int deals, int dealCustomers, int leads, int forks, int warmupIterations,
                      int measurementIterations, int iterationSeconds) {

    /** Smaller data, one fork, short iterations. */
    public static final Profile QUICK = new Profile("quick", 100_000, 1_000, 2, 100_000, 25_000, 1_000, 20, 1_000,
            100_000, 1_000, 1_000, 1, 2, 3, 1);

    /** The sizes of issue #7. */
    public static final Profile FULL = new Profile("full", 1_000_000, 10_000, 3, 1_000_000, 100_000, 10_000, 20,
            1_000, 1_000_000, 10_000, 10_000, 2, 3, 5, 2);

    /** The profile called {@code name}. */
    public static Profile of(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "quick":
                return QUICK;
            case "full":
                return FULL;
            default:
                throw new IllegalArgumentException("unknown profile '" + name + "': quick or full");
        }
    }
}
