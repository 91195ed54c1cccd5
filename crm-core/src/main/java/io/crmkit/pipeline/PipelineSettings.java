package io.crmkit.pipeline;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TextRules;
import io.crmkit.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's pipeline settings: which pipeline is its default, and the reasons a deal may be lost for. A tenant that
 * never saved settings has no default pipeline and the {@link #DEFAULT_LOST_REASONS}.
 *
 * @param tenantId          the tenant
 * @param version           the optimistic version: 1 when first saved, one more with every saved change
 * @param defaultPipelineId the default pipeline, or null while the tenant has none
 * @param lostReasons       the reasons a deal may be lost for, in the order a host shows them: 1 to
 *                          {@value #MAX_LOST_REASONS}, each 1 to {@value #MAX_LOST_REASON_LENGTH} characters, unique
 *                          ignoring case
 * @param updatedAt         when they last changed
 */
public record PipelineSettings(TenantId tenantId, long version, PipelineId defaultPipelineId, List<String> lostReasons,
                               Instant updatedAt) {

    /** The lost reasons of a tenant that has not set its own. */
    public static final List<String> DEFAULT_LOST_REASONS = List.of("Price", "Competitor", "No budget",
            "No decision", "Timing", "Not a fit", "Other");
    /** The most lost reasons a tenant has. */
    public static final int MAX_LOST_REASONS = 100;
    /** The longest lost reason. */
    public static final int MAX_LOST_REASON_LENGTH = 100;

    /** @throws InvalidInputException naming the first broken invariant */
    public PipelineSettings {
        if (tenantId == null) {
            throw InvalidInputException.of("tenantId", "must not be null");
        }
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        lostReasons = checkedReasons(lostReasons);
        updatedAt = Timestamps.normalise("updatedAt", updatedAt);
    }

    /**
     * The reasons trimmed, in order.
     *
     * @throws InvalidInputException (at {@code lostReasons} or {@code lostReasons[i]}) if the list is null, empty or
     *                               too long, or a reason is blank, too long or there twice
     */
    public static List<String> checkedReasons(List<String> reasons) {
        if (reasons == null || reasons.isEmpty() || reasons.size() > MAX_LOST_REASONS) {
            throw InvalidInputException.of("lostReasons", "must hold 1 to " + MAX_LOST_REASONS + " reasons");
        }
        List<String> copy = new ArrayList<>(reasons.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
            String reason = TextRules.required("lostReasons[" + i + "]", reasons.get(i), MAX_LOST_REASON_LENGTH);
            if (!seen.add(reason.toLowerCase(Locale.ROOT))) {
                throw InvalidInputException.of("lostReasons[" + i + "]", "'" + reason + "' is already in the list");
            }
            copy.add(reason);
        }
        return List.copyOf(copy);
    }

    /** The first settings a tenant saves (version 1); null reasons stand for the {@link #DEFAULT_LOST_REASONS}. */
    public static PipelineSettings first(TenantId tenantId, PipelineId defaultPipelineId, List<String> lostReasons,
                                         Instant now) {
        return new PipelineSettings(tenantId, 1, defaultPipelineId,
                lostReasons == null ? DEFAULT_LOST_REASONS : lostReasons, now);
    }

    /** These settings with another default pipeline, at the next version. */
    public PipelineSettings withDefaultPipeline(PipelineId pipelineId, Instant now) {
        return new PipelineSettings(tenantId, version + 1, pipelineId, lostReasons, later(now));
    }

    /** These settings with another list of lost reasons, at the next version. */
    public PipelineSettings withLostReasons(List<String> reasons, Instant now) {
        return new PipelineSettings(tenantId, version + 1, defaultPipelineId, reasons, later(now));
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    /** The reason of the list that equals {@code reason} ignoring case and surrounding blanks, if there is one. */
    public Optional<String> lostReason(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        String wanted = reason.strip();
        return lostReasons.stream().filter(r -> r.equalsIgnoreCase(wanted)).findFirst();
    }
}
