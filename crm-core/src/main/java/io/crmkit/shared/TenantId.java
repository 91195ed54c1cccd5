package io.crmkit.shared;

import java.util.regex.Pattern;

/**
 * The tenant that owns a record: one shop, one company, one workspace of the host. Every record belongs to
 * exactly one tenant and every storage call is scoped by one.
 *
 * <p>A tenant id is the host's own key: 1 to 64 characters, letters, digits, {@code . _ : -}, starting with a
 * letter or digit. Single-tenant hosts never need to name one: they use {@link #DEFAULT}.
 *
 * @param value the tenant key, as given by the host
 */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** The tenant used by single-tenant hosts, and by {@code Crm}'s shortcuts that name no tenant. */
    public static final TenantId DEFAULT = new TenantId("default");

    /**
     * @throws InvalidInputException if {@code value} is null or not a valid tenant key
     */
    public TenantId {
        if (value == null) {
            throw InvalidInputException.of("tenantId", "must not be null");
        }
        if (!VALID.matcher(value).matches()) {
            throw InvalidInputException.of("tenantId",
                    "must be 1 to 64 letters, digits or . _ : -, starting with a letter or digit");
        }
    }

    /** Same as the constructor. */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
