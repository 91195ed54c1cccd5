package io.crmkit.pipeline;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.StageId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long an open deal may stay in its stage before it counts as stalled: a number of days for every open stage,
 * and/or per stage.
 *
 * <pre>{@code
 * StalledThresholds.days(14).stage(negotiation.id(), 7)   // 7 days in Negotiation, 14 elsewhere
 * StalledThresholds.none().stage(demo.id(), 10)           // only deals in Demo, after 10 days
 * }</pre>
 *
 * @param defaultDays the days for stages not listed, or null to look only at the listed stages
 * @param stageDays   days per stage
 */
public record StalledThresholds(Integer defaultDays, Map<StageId, Integer> stageDays) {

    /** The longest threshold: ten years. */
    public static final int MAX_DAYS = 3650;

    /** @throws InvalidInputException if a number of days is not 1 to {@value #MAX_DAYS} or a stage id is null */
    public StalledThresholds {
        if (defaultDays != null) {
            check("defaultDays", defaultDays);
        }
        Map<StageId, Integer> copy = new LinkedHashMap<>();
        if (stageDays != null) {
            for (Map.Entry<StageId, Integer> e : stageDays.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw InvalidInputException.of("stageDays", "must not hold null stage ids or days");
                }
                check("stageDays[" + e.getKey() + "]", e.getValue());
                copy.put(e.getKey(), e.getValue());
            }
        }
        stageDays = Collections.unmodifiableMap(copy);
    }

    private static void check(String path, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidInputException.of(path, "must be 1 to " + MAX_DAYS + " days");
        }
    }

    /** {@code days} for every open stage. */
    public static StalledThresholds days(int days) {
        return new StalledThresholds(days, Map.of());
    }

    /** No default: only stages added with {@link #stage} are looked at. */
    public static StalledThresholds none() {
        return new StalledThresholds(null, Map.of());
    }

    /** These thresholds with {@code days} for {@code stage}. */
    public StalledThresholds stage(StageId stage, int days) {
        Map<StageId, Integer> copy = new LinkedHashMap<>(stageDays);
        copy.put(stage, days);
        return new StalledThresholds(defaultDays, copy);
    }

    /** The days for {@code stage}, if it is looked at. */
    public Optional<Integer> daysFor(StageId stage) {
        Integer days = stageDays.get(stage);
        return Optional.ofNullable(days != null ? days : defaultDays);
    }
}
