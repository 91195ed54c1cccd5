package io.crmkit.customer;

import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A set of changes to one customer, applied together or not at all. Only what the patch names changes; setting an
 * optional field to null clears it.
 *
 * <pre>{@code
 * customers.update(sarah.id(), sarah.version(), CustomerPatch.builder()
 *         .jobTitle("Head of Purchasing")
 *         .addEmail("sarah@cafe-luna.example", "work")
 *         .removeTag("prospect")
 *         .preference("drink", AttributeValue.text("oat latte"))
 *         .build());
 * }</pre>
 *
 * <p>Changes are applied in the order they were added. Every problem is reported at once, with the path of the
 * change ({@code changes[2].address}); a patch that names a field of the other kind of customer (a domain for a
 * person) or removes something the customer does not have is refused, and nothing changes.
 *
 * @param changes the changes, in order
 */
public record CustomerPatch(List<Change> changes) {

    /** Copies the list. */
    public CustomerPatch {
        changes = changes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(changes));
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** One change of a patch. */
    public sealed interface Change {
    }

    /** Sets (or with null clears) a person's given name. */
    public record SetGivenName(String value) implements Change {
    }

    /** Sets (or with null clears) a person's family name. */
    public record SetFamilyName(String value) implements Change {
    }

    /** Sets (or with null clears) a person's job title. */
    public record SetJobTitle(String value) implements Change {
    }

    /** Renames an organisation. */
    public record SetOrganisationName(String value) implements Change {
    }

    /** Sets (or with null clears) an organisation's domain. */
    public record SetDomain(String value) implements Change {
    }

    /** Sets (or with null clears) an organisation's industry. */
    public record SetIndustry(String value) implements Change {
    }

    /** Sets (or with null clears) an organisation's number of employees. */
    public record SetEmployeeCount(Integer value) implements Change {
    }

    /** Adds an e-mail address (a primary one demotes the current primary). */
    public record AddEmail(EmailInput email) implements Change {
    }

    /** Removes an e-mail address, compared after normalisation. */
    public record RemoveEmail(String address) implements Change {
    }

    /** Adds a phone number (a primary one demotes the current primary). */
    public record AddPhone(PhoneInput phone) implements Change {
    }

    /** Removes a phone number, compared after parsing. */
    public record RemovePhone(String number) implements Change {
    }

    /** Adds a postal address (a primary one demotes the current primary). */
    public record AddAddress(PostalAddress address) implements Change {
    }

    /** Removes a postal address equal to this one. */
    public record RemoveAddress(PostalAddress address) implements Change {
    }

    /** Adds a tag. */
    public record AddTag(String tag) implements Change {
    }

    /** Removes a tag. */
    public record RemoveTag(String tag) implements Change {
    }

    /** Sets a custom attribute. */
    public record SetAttribute(String key, AttributeValue value) implements Change {
    }

    /** Removes a custom attribute. */
    public record RemoveAttribute(String key) implements Change {
    }

    /** Sets a preference. */
    public record SetPreference(String key, AttributeValue value) implements Change {
    }

    /** Removes a preference. */
    public record RemovePreference(String key) implements Change {
    }

    /** Sets the date of a kind, replacing the previous one of that kind. */
    public record SetImportantDate(ImportantDate date) implements Change {
    }

    /** Removes the date of a kind. */
    public record RemoveImportantDate(String kind) implements Change {
    }

    /** Sets (or with null clears) the owner. */
    public record SetOwner(UserId owner) implements Change {
    }

    /** Sets the communication preference. */
    public record SetCommunication(CommunicationPreference communication) implements Change {
    }

    /** Sets the region phone numbers of this patch without country code are read in. */
    public record UsePhoneRegion(String region) implements Change {
    }

    /** Builds a {@link CustomerPatch}. */
    public static final class Builder {
        private final List<Change> changes = new ArrayList<>();

        private Builder() {
        }

        private Builder add(Change change) {
            changes.add(change);
            return this;
        }

        public Builder givenName(String value) {
            return add(new SetGivenName(value));
        }

        public Builder familyName(String value) {
            return add(new SetFamilyName(value));
        }

        public Builder jobTitle(String value) {
            return add(new SetJobTitle(value));
        }

        public Builder organisationName(String value) {
            return add(new SetOrganisationName(value));
        }

        public Builder domain(String value) {
            return add(new SetDomain(value));
        }

        public Builder industry(String value) {
            return add(new SetIndustry(value));
        }

        public Builder employeeCount(Integer value) {
            return add(new SetEmployeeCount(value));
        }

        public Builder addEmail(String address) {
            return add(new AddEmail(EmailInput.of(address)));
        }

        public Builder addEmail(String address, String label) {
            return add(new AddEmail(new EmailInput(address, label, false)));
        }

        public Builder addEmail(EmailInput email) {
            return add(new AddEmail(email));
        }

        public Builder removeEmail(String address) {
            return add(new RemoveEmail(address));
        }

        public Builder addPhone(String number) {
            return add(new AddPhone(PhoneInput.of(number)));
        }

        public Builder addPhone(String number, String label) {
            return add(new AddPhone(new PhoneInput(number, label, false)));
        }

        public Builder addPhone(PhoneInput phone) {
            return add(new AddPhone(phone));
        }

        public Builder removePhone(String number) {
            return add(new RemovePhone(number));
        }

        public Builder addAddress(PostalAddress address) {
            return add(new AddAddress(address));
        }

        public Builder removeAddress(PostalAddress address) {
            return add(new RemoveAddress(address));
        }

        public Builder addTag(String tag) {
            return add(new AddTag(tag));
        }

        public Builder removeTag(String tag) {
            return add(new RemoveTag(tag));
        }

        public Builder attribute(String key, AttributeValue value) {
            return add(new SetAttribute(key, value));
        }

        public Builder removeAttribute(String key) {
            return add(new RemoveAttribute(key));
        }

        public Builder preference(String key, AttributeValue value) {
            return add(new SetPreference(key, value));
        }

        public Builder removePreference(String key) {
            return add(new RemovePreference(key));
        }

        public Builder importantDate(ImportantDate date) {
            return add(new SetImportantDate(date));
        }

        public Builder birthday(java.time.LocalDate date) {
            return add(new SetImportantDate(ImportantDate.birthday(date)));
        }

        public Builder removeImportantDate(String kind) {
            return add(new RemoveImportantDate(kind));
        }

        public Builder owner(UserId owner) {
            return add(new SetOwner(owner));
        }

        public Builder communication(CommunicationPreference communication) {
            return add(new SetCommunication(communication));
        }

        /** Reads the phone numbers of this patch without country code in {@code region}. */
        public Builder phoneRegion(String region) {
            return add(new UsePhoneRegion(region));
        }

        public CustomerPatch build() {
            return new CustomerPatch(changes);
        }
    }
}
