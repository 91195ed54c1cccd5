package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import io.crmkit.shared.InvalidInputException;

/**
 * The names and job of a person. At least one of the names is present.
 *
 * @param givenName  given (first) name, or null
 * @param familyName family (last) name, or null
 * @param jobTitle   job title, or null
 */
public record PersonProfile(String givenName, String familyName, String jobTitle) {

    /** @throws InvalidInputException if both names are missing or a value is blank or longer than 200 */
    public PersonProfile {
        givenName = TextRules.optional("givenName", givenName, 200);
        familyName = TextRules.optional("familyName", familyName, 200);
        jobTitle = TextRules.optional("jobTitle", jobTitle, 200);
        if (givenName == null && familyName == null) {
            throw InvalidInputException.of("givenName", "a person needs a given name or a family name");
        }
    }

    /** Given and family name, separated by a space. */
    public String displayName() {
        if (givenName == null) {
            return familyName;
        }
        return familyName == null ? givenName : givenName + " " + familyName;
    }
}
