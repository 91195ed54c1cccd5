package io.crmkit.touchpoint;

import io.crmkit.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Where a touchpoint came from: the source system ({@code "shopify"}, {@code "mailchimp"}) and that system's own
 * id for it. Ingestion is idempotent on this pair: the same source and external id delivered twice is stored once.
 *
 * @param system     the source system, 1–64 letters, digits or {@code . _ : -}
 * @param externalId the source system's id, 1–200 characters without control characters
 */
public record SourceRef(String system, String externalId) {

    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** @throws InvalidInputException naming the part that is missing or malformed */
    public SourceRef {
        if (system == null || !SYSTEM.matcher(system).matches()) {
            throw InvalidInputException.of("system", "must be 1 to 64 letters, digits or . _ : -");
        }
        if (externalId == null || externalId.isEmpty() || externalId.length() > 200
                || externalId.chars().anyMatch(Character::isISOControl)
                || io.crmkit.shared.StorableText.problem(externalId) != null) {
            throw InvalidInputException.of("externalId", "must be 1 to 200 characters without control characters");
        }
    }

    /** Same as the constructor. */
    public static SourceRef of(String system, String externalId) {
        return new SourceRef(system, externalId);
    }

    @Override
    public String toString() {
        return system + ":" + externalId;
    }
}
