package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import io.crmkit.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name and shape of an organisation.
 *
 * @param name          the organisation's name; required
 * @param domain        its web domain, lower-cased ({@code example.com}), or null
 * @param industry      its industry, free text, or null
 * @param employeeCount its number of employees, or null if unknown
 */
public record OrganisationProfile(String name, String domain, String industry, Integer employeeCount) {

    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    /** @throws InvalidInputException if the name is missing, the domain is not a host name, or the count is negative */
    public OrganisationProfile {
        name = TextRules.required("name", name, 200);
        domain = TextRules.optional("domain", domain, 253);
        if (domain != null) {
            domain = domain.toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                throw InvalidInputException.of("domain", "must be a host name such as example.com");
            }
        }
        industry = TextRules.optional("industry", industry, 200);
        if (employeeCount != null && employeeCount < 0) {
            throw InvalidInputException.of("employeeCount", "must not be negative");
        }
    }
}
