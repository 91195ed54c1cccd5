package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import java.time.Instant;

/**
 * One entry of a lead's status history: appended with every status change (and once at capture, from null to
 * {@link LeadStatus#NEW}), never rewritten.
 *
 * @param leadId  the lead
 * @param version the lead's version after the change: orders a lead's history and is unique within it
 * @param at      when
 * @param by      the user who made the change, or null when crmkit or the host's automation made it
 * @param from    the status before, or null for the capture
 * @param to      the status after
 * @param reason  the reason (the disqualification reason, or the caller's note), or null
 */
public record LeadStatusChange(LeadId leadId, long version, Instant at, UserId by, LeadStatus from, LeadStatus to,
                               String reason) {

    /** @throws InvalidInputException naming the part that is missing or malformed */
    public LeadStatusChange {
        LeadTexts.require("leadId", leadId);
        LeadTexts.require("to", to);
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        at = Timestamps.normalise("at", at);
        reason = LeadTexts.optional("reason", reason, 500);
    }
}
