package io.crmkit.customer;

import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is needed to register a customer: a person ({@link #person(String, String)}) or an organisation
 * ({@link #organisation(String)}), with contact points as people type them.
 *
 * <pre>{@code
 * CustomerRegistration sarah = CustomerRegistration.person("Sarah", "Miller")
 *         .email("Sarah.Miller@Example.COM")
 *         .phone("07700 900123")
 *         .tag("candles")
 *         .preference("scent", AttributeValue.text("lavender"))
 *         .birthday(LocalDate.of(1990, 4, 12))
 *         .build();
 * }</pre>
 *
 * <p>Every value is validated when the registration is submitted, and every problem is reported at once with its
 * path ({@code emails[1].address}, {@code phones[0].number}, {@code organisationName}); nothing is stored then.
 * Fields of the other kind of customer (a job title for an organisation, a domain for a person) are refused.
 *
 * @param kind             person or organisation
 * @param givenName        a person's given name
 * @param familyName       a person's family name
 * @param jobTitle         a person's job title
 * @param organisationName an organisation's name
 * @param domain           an organisation's web domain
 * @param industry         an organisation's industry
 * @param employeeCount    an organisation's number of employees
 * @param emails           e-mail addresses as typed
 * @param phones           phone numbers as typed
 * @param addresses        postal addresses
 * @param tags             tags
 * @param attributes       typed custom attributes
 * @param preferences      typed preferences
 * @param importantDates   birthday, anniversary and other dates
 * @param owner            the owning user, or null
 * @param communication    preferred channel and do-not-contact, or null for none
 * @param lifecycleStage   the initial lifecycle stage ({@link LifecycleStage#LEAD} unless given)
 * @param phoneRegion      the region to read phone numbers without country code in, overriding the
 *                         {@code Crm}'s default region, or null
 */
public record CustomerRegistration(
        @NotNull CustomerKind kind,
        @Size(max = 200) String givenName,
        @Size(max = 200) String familyName,
        @Size(max = 200) String jobTitle,
        @Size(max = 200) String organisationName,
        @Size(max = 253) String domain,
        @Size(max = 200) String industry,
        @PositiveOrZero Integer employeeCount,
        @Size(max = Customer.MAX_CONTACT_POINTS) List<@NotNull @Valid EmailInput> emails,
        @Size(max = Customer.MAX_CONTACT_POINTS) List<@NotNull @Valid PhoneInput> phones,
        @Size(max = Customer.MAX_CONTACT_POINTS) List<@NotNull PostalAddress> addresses,
        @Size(max = Customer.MAX_CONTACT_POINTS) Set<@NotBlank @Size(max = 100) String> tags,
        Map<@NotNull String, @NotNull AttributeValue> attributes,
        Map<@NotNull String, @NotNull AttributeValue> preferences,
        @Size(max = 20) List<@NotNull ImportantDate> importantDates,
        UserId owner,
        CommunicationPreference communication,
        @NotNull LifecycleStage lifecycleStage,
        @Size(min = 2, max = 2) String phoneRegion) {

    /** Copies the collections; null collections become empty. */
    public CustomerRegistration {
        emails = emails == null ? List.of() : nullTolerantCopy(emails);
        phones = phones == null ? List.of() : nullTolerantCopy(phones);
        addresses = addresses == null ? List.of() : nullTolerantCopy(addresses);
        tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        preferences = preferences == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
        importantDates = importantDates == null ? List.of() : nullTolerantCopy(importantDates);
    }

    // List.copyOf throws on null elements; nulls must survive until validation reports them with their index.
    private static <T> List<T> nullTolerantCopy(List<T> list) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Starts registering a person; either name may be null, not both. */
    public static Builder person(String givenName, String familyName) {
        Builder b = new Builder(CustomerKind.PERSON);
        b.givenName = givenName;
        b.familyName = familyName;
        return b;
    }

    /** Starts registering an organisation called {@code name}. */
    public static Builder organisation(String name) {
        Builder b = new Builder(CustomerKind.ORGANISATION);
        b.organisationName = name;
        return b;
    }

    /** Builds a {@link CustomerRegistration}. Nothing is validated before the registration is submitted. */
    public static final class Builder {
        private final CustomerKind kind;
        private String givenName;
        private String familyName;
        private String jobTitle;
        private String organisationName;
        private String domain;
        private String industry;
        private Integer employeeCount;
        private final List<EmailInput> emails = new ArrayList<>();
        private final List<PhoneInput> phones = new ArrayList<>();
        private final List<PostalAddress> addresses = new ArrayList<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        private final Map<String, AttributeValue> preferences = new LinkedHashMap<>();
        private final List<ImportantDate> importantDates = new ArrayList<>();
        private UserId owner;
        private CommunicationPreference communication;
        private LifecycleStage lifecycleStage = LifecycleStage.LEAD;
        private String phoneRegion;

        private Builder(CustomerKind kind) {
            this.kind = kind;
        }

        /** A person's job title. */
        public Builder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        /** An organisation's web domain, e.g. {@code cafe-luna.example}. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** An organisation's industry. */
        public Builder industry(String industry) {
            this.industry = industry;
            return this;
        }

        /** An organisation's number of employees. */
        public Builder employeeCount(Integer employeeCount) {
            this.employeeCount = employeeCount;
            return this;
        }

        /** Adds an e-mail address (not primary; {@link Customer#primaryEmail()} falls back to the first). */
        public Builder email(String address) {
            return email(new EmailInput(address, null, false));
        }

        /** Adds a labelled e-mail address. */
        public Builder email(String address, String label) {
            return email(new EmailInput(address, label, false));
        }

        /** Adds an e-mail address. */
        public Builder email(EmailInput email) {
            emails.add(email);
            return this;
        }

        /** Adds a phone number, as typed. */
        public Builder phone(String number) {
            return phone(new PhoneInput(number, null, false));
        }

        /** Adds a labelled phone number, as typed. */
        public Builder phone(String number, String label) {
            return phone(new PhoneInput(number, label, false));
        }

        /** Adds a phone number. */
        public Builder phone(PhoneInput phone) {
            phones.add(phone);
            return this;
        }

        /** Adds a postal address. */
        public Builder address(PostalAddress address) {
            addresses.add(address);
            return this;
        }

        /** Adds a tag. */
        public Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        /** Sets a typed custom attribute. */
        public Builder attribute(String key, AttributeValue value) {
            attributes.put(key, value);
            return this;
        }

        /** Sets a typed preference, such as {@code "drink" → text("oat latte")}. */
        public Builder preference(String key, AttributeValue value) {
            preferences.put(key, value);
            return this;
        }

        /** Sets the birthday. */
        public Builder birthday(java.time.LocalDate date) {
            return importantDate(ImportantDate.birthday(date));
        }

        /** Adds an important date. */
        public Builder importantDate(ImportantDate date) {
            importantDates.add(date);
            return this;
        }

        /** Sets the owning user. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets the communication preference. */
        public Builder communication(CommunicationPreference communication) {
            this.communication = communication;
            return this;
        }

        /** Sets the initial lifecycle stage. */
        public Builder lifecycleStage(LifecycleStage stage) {
            this.lifecycleStage = stage;
            return this;
        }

        /** Reads phone numbers without country code in {@code region} (ISO 3166, e.g. {@code "GB"}). */
        public Builder phoneRegion(String region) {
            this.phoneRegion = region;
            return this;
        }

        /** The registration; validated when submitted, not here. */
        public CustomerRegistration build() {
            return new CustomerRegistration(kind, givenName, familyName, jobTitle, organisationName, domain,
                    industry, employeeCount, emails, phones, addresses, tags, attributes, preferences,
                    importantDates, owner, communication, lifecycleStage, phoneRegion);
        }
    }
}
