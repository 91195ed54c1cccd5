package io.crmkit.pipeline;

import io.crmkit.shared.DealId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TextRules;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a deal's stage history: a change of stage, amount, probability, expected close date or owner, with the
 * values before and after, when and by whom. Every change of those values appends exactly one entry; entries are never
 * changed or removed. A stage change records the amount and probability at the time in its {@link #after()}.
 *
 * <p>Entries are numbered by the deal version the change produced: the first entry ({@link DealChangeKind#OPENED},
 * version 1) has no {@code before}; in every later entry, {@code before} equals the previous entry's {@code after}, and
 * the newest entry's {@code after} equals the deal's current values. The history is the source of cycle time,
 * time-in-stage, funnel conversion and stalled-deal reports.
 *
 * @param tenantId the tenant
 * @param dealId   the deal
 * @param version  the deal version this change produced; increasing along the history
 * @param kind     what happened
 * @param at       when
 * @param by       the acting user
 * @param before   the tracked values before; null for {@link DealChangeKind#OPENED}
 * @param after    the tracked values after
 * @param reason   the lost reason of a {@link DealChangeKind#LOST} entry, else null
 * @param note     the lost note of a {@link DealChangeKind#LOST} entry, or null
 */
public record DealHistoryEntry(TenantId tenantId, DealId dealId, long version, DealChangeKind kind, Instant at,
                               UserId by, DealSnapshot before, DealSnapshot after, String reason, String note) {

    /** @throws InvalidInputException naming the first broken invariant */
    public DealHistoryEntry {
        if (tenantId == null || dealId == null || kind == null || by == null || after == null) {
            throw InvalidInputException.of("entry", "tenantId, dealId, kind, by and after are required");
        }
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        at = Timestamps.normalise("at", at);
        if ((kind == DealChangeKind.OPENED) != (before == null)) {
            throw InvalidInputException.of("before", "only the OPENED entry has no values before");
        }
        if (kind == DealChangeKind.OPENED && version != 1) {
            throw InvalidInputException.of("version", "the OPENED entry is version 1");
        }
        if (before != null && before.equals(after)) {
            throw InvalidInputException.of("after", "an entry records a change: after must differ from before");
        }
        reason = TextRules.optional("reason", reason, PipelineSettings.MAX_LOST_REASON_LENGTH);
        note = TextRules.optional("note", note, Deal.MAX_LOST_NOTE_LENGTH);
        if ((kind == DealChangeKind.LOST) != (reason != null)) {
            throw InvalidInputException.of("reason", "a LOST entry has the lost reason, other entries none");
        }
        if (note != null && kind != DealChangeKind.LOST) {
            throw InvalidInputException.of("note", "only a LOST entry has a note");
        }
    }

    /** The entry recording the change from {@code before} (null when opened) to {@code after}, by {@code by}. */
    public static DealHistoryEntry of(Deal before, Deal after, DealChangeKind kind, UserId by) {
        return new DealHistoryEntry(after.tenantId(), after.id(), after.version(), kind, after.updatedAt(), by,
                before == null ? null : before.snapshot(), after.snapshot(),
                kind == DealChangeKind.LOST ? after.lostReason() : null,
                kind == DealChangeKind.LOST ? after.lostNote() : null);
    }

    /** The stage before the change; for the OPENED entry, the stage it was opened in. */
    public StageId fromStage() {
        return before == null ? after.stageId() : before.stageId();
    }

    /** The stage after the change. */
    public StageId toStage() {
        return after.stageId();
    }

    /** The tracked values this entry changed; for the OPENED entry, all of them. */
    public Set<DealField> changedFields() {
        if (before == null) {
            return EnumSet.allOf(DealField.class);
        }
        Set<DealField> changed = EnumSet.noneOf(DealField.class);
        if (!before.stageId().equals(after.stageId()) || before.status() != after.status()) {
            changed.add(DealField.STAGE);
        }
        if (!before.amount().equals(after.amount())) {
            changed.add(DealField.AMOUNT);
        }
        if (before.probability() != after.probability()
                || before.probabilityOverridden() != after.probabilityOverridden()) {
            changed.add(DealField.PROBABILITY);
        }
        if (!before.expectedCloseDate().equals(after.expectedCloseDate())) {
            changed.add(DealField.EXPECTED_CLOSE_DATE);
        }
        if (!Objects.equals(before.owner(), after.owner())) {
            changed.add(DealField.OWNER);
        }
        return changed;
    }
}
