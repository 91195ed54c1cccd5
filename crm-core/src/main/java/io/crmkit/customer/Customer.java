package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Attributes;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A customer: a person or an organisation the host does business with. The customer aggregate holds the
 * profile, contact points, tags, typed attributes and preferences, important dates, owner, communication
 * preference and lifecycle stage. Relationships and touchpoints refer to it by {@link CustomerId}.
 *
 * <p>A {@code Customer} is an immutable snapshot at one {@link #version()}. Hosts change customers through
 * {@link Customers}, which validates the change, saves it with an optimistic version check and publishes events;
 * the public constructor and {@link #builder()} exist for storage adapters, which rebuild customers from their
 * rows, and for tests. The constructor guards the aggregate's invariants whoever calls it:
 * <ul>
 *   <li>a person has a {@link PersonProfile} and no organisation profile, an organisation the reverse;</li>
 *   <li>at most one primary e-mail, phone and postal address; no e-mail ({@link EmailAddress#matchKey()}) or
 *       phone number twice;</li>
 *   <li>collections are immutable copies; tags are trimmed, 1–100 characters, sorted;</li>
 *   <li>the version is at least 1; timestamps are present and {@code updatedAt} is not before {@code createdAt}.</li>
 * </ul>
 *
 * @param id             the customer's id
 * @param tenantId       the tenant it belongs to
 * @param version        the optimistic version: 1 when registered, one more with every saved change
 * @param kind           person or organisation
 * @param person         the person's profile; null for organisations
 * @param organisation   the organisation's profile; null for persons
 * @param emails         e-mail addresses, in the order they were added
 * @param phones         phone numbers, in the order they were added
 * @param addresses      postal addresses, in the order they were added
 * @param tags           tags, sorted
 * @param attributes     typed custom attributes, sorted by key
 * @param preferences    typed preferences ({@code "drink" → "oat latte"}), sorted by key
 * @param importantDates birthdays, anniversaries and other dates, at most one per kind, sorted by kind
 * @param owner          the user of the host who owns the customer, or null
 * @param communication  preferred channel and do-not-contact flag
 * @param lifecycleStage the lifecycle stage
 * @param createdAt      when it was registered
 * @param updatedAt      when it last changed
 * @param archivedAt     when it was archived, or null while it is active
 */
public record Customer(
        CustomerId id,
        TenantId tenantId,
        long version,
        CustomerKind kind,
        PersonProfile person,
        OrganisationProfile organisation,
        List<EmailContact> emails,
        List<PhoneContact> phones,
        List<PostalAddress> addresses,
        Set<String> tags,
        Map<String, AttributeValue> attributes,
        Map<String, AttributeValue> preferences,
        List<ImportantDate> importantDates,
        UserId owner,
        CommunicationPreference communication,
        LifecycleStage lifecycleStage,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt) {

    /** At most this many e-mail addresses, phone numbers, postal addresses or tags each. */
    public static final int MAX_CONTACT_POINTS = 50;

    /** @throws InvalidInputException naming the first broken invariant */
    public Customer {
        require("id", id);
        require("tenantId", tenantId);
        require("kind", kind);
        require("lifecycleStage", lifecycleStage);
        require("createdAt", createdAt);
        require("updatedAt", updatedAt);
        createdAt = Timestamps.normalise("createdAt", createdAt);
        updatedAt = Timestamps.normalise("updatedAt", updatedAt);
        archivedAt = archivedAt == null ? null : Timestamps.normalise("archivedAt", archivedAt);
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        if (kind == CustomerKind.PERSON && (person == null || organisation != null)) {
            throw InvalidInputException.of("person", "a person has a person profile and no organisation profile");
        }
        if (kind == CustomerKind.ORGANISATION && (organisation == null || person != null)) {
            throw InvalidInputException.of("organisation",
                    "an organisation has an organisation profile and no person profile");
        }
        emails = contactPoints("emails", emails, EmailContact::primary, e -> e.address().matchKey());
        phones = contactPoints("phones", phones, PhoneContact::primary, PhoneContact::number);
        addresses = contactPoints("addresses", addresses, PostalAddress::primary, a -> a);
        tags = tags(tags);
        attributes = Attributes.copyOf("attributes", attributes == null ? Map.of() : attributes);
        preferences = Attributes.copyOf("preferences", preferences == null ? Map.of() : preferences);
        if (importantDates != null && importantDates.stream().anyMatch(java.util.Objects::isNull)) {
            throw InvalidInputException.of("importantDates", "must not contain null");
        }
        importantDates = importantDates == null ? List.of() : importantDates.stream()
                .sorted(java.util.Comparator.comparing(ImportantDate::kind)).toList();
        if (importantDates.stream().map(ImportantDate::kind).distinct().count() != importantDates.size()) {
            throw InvalidInputException.of("importantDates", "must hold at most one date of each kind");
        }
        communication = communication == null ? CommunicationPreference.NONE : communication;
        if (updatedAt.isBefore(createdAt)) {
            throw InvalidInputException.of("updatedAt", "must not be before createdAt");
        }
    }

    /** A builder, for storage adapters rebuilding a customer and for tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of this customer. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The person's full name, or the organisation's name. */
    public String displayName() {
        return kind == CustomerKind.PERSON ? person.displayName() : organisation.name();
    }

    /** Whether the customer has been archived. */
    public boolean isArchived() {
        return archivedAt != null;
    }

    /** The primary e-mail address, else the first one, if any. */
    public Optional<EmailAddress> primaryEmail() {
        return emails.stream().filter(EmailContact::primary).findFirst().or(() -> emails.stream().findFirst())
                .map(EmailContact::address);
    }

    /** The primary phone number, else the first one, if any. */
    public Optional<PhoneNumber> primaryPhone() {
        return phones.stream().filter(PhoneContact::primary).findFirst().or(() -> phones.stream().findFirst())
                .map(PhoneContact::number);
    }

    /** The birthday, if known. */
    public Optional<java.time.LocalDate> birthday() {
        return importantDate(ImportantDate.BIRTHDAY);
    }

    /** The date of {@code kind}, if known. */
    public Optional<java.time.LocalDate> importantDate(String kind) {
        return importantDates.stream().filter(d -> d.kind().equals(kind)).findFirst().map(ImportantDate::date);
    }

    /** Whether this customer has {@code email}, compared by {@link EmailAddress#matchKey()}. */
    public boolean hasEmail(EmailAddress email) {
        return emails.stream().anyMatch(e -> e.address().matchKey().equals(email.matchKey()));
    }

    /** Whether this customer has {@code phone} (same E.164 number and extension). */
    public boolean hasPhone(PhoneNumber phone) {
        return phones.stream().anyMatch(p -> p.number().equals(phone));
    }

    /**
     * A new customer at version 1, made from a registration: e-mail addresses are normalised, phone numbers parsed
     * (in the registration's region, else {@code defaultRegion}), and every problem reported at once.
     *
     * @throws InvalidInputException listing every problem of the registration
     */
    public static Customer register(CustomerId id, TenantId tenantId, CustomerRegistration registration,
                                    String defaultRegion, Instant now) {
        return CustomerEditor.register(id, tenantId, registration, defaultRegion, now);
    }

    /**
     * This customer with {@code patch} applied, at the next version.
     *
     * @throws InvalidInputException                       listing every problem of the patch
     * @throws io.crmkit.shared.IllegalTransitionException if the customer is archived
     */
    public Customer apply(CustomerPatch patch, String defaultRegion, Instant now) {
        requireActive("change");
        return CustomerEditor.apply(this, patch, defaultRegion, now);
    }

    /**
     * This customer archived at {@code now}, at the next version.
     *
     * @throws io.crmkit.shared.IllegalTransitionException if it already is archived
     */
    public Customer archive(Instant now) {
        requireActive("archive");
        return toBuilder().version(version + 1).archivedAt(now).updatedAt(now).build();
    }

    /**
     * This customer active again, at the next version.
     *
     * @throws io.crmkit.shared.IllegalTransitionException if it is not archived
     */
    public Customer unarchive(Instant now) {
        if (!isArchived()) {
            throw new io.crmkit.shared.IllegalTransitionException("Customer", id, "is not archived");
        }
        return toBuilder().version(version + 1).archivedAt(null).updatedAt(now).build();
    }

    /**
     * Moves the lifecycle stage forward to {@code target}. A move backwards is refused as a value
     * ({@link LifecycleChange.Refused}) that says why; a move to the current stage changes nothing.
     *
     * @throws io.crmkit.shared.IllegalTransitionException if the customer is archived
     */
    public LifecycleChange moveLifecycleTo(LifecycleStage target, Instant now) {
        requireActive("move the lifecycle stage of");
        if (target == lifecycleStage) {
            return new LifecycleChange.Unchanged(this);
        }
        Optional<String> refusal = lifecycleStage.refusalToMoveTo(target);
        if (refusal.isPresent()) {
            return new LifecycleChange.Refused(this, lifecycleStage, target, refusal.get());
        }
        return new LifecycleChange.Advanced(withStage(target, now), lifecycleStage, target);
    }

    /**
     * Sets the lifecycle stage to {@code target}, backwards if need be: the explicit reset the forward-only rule
     * leaves for corrections.
     *
     * @throws io.crmkit.shared.IllegalTransitionException if the customer is archived
     */
    public Customer resetLifecycleTo(LifecycleStage target, Instant now) {
        requireActive("reset the lifecycle stage of");
        return withStage(target, now);
    }

    private Customer withStage(LifecycleStage target, Instant now) {
        return toBuilder().version(version + 1).lifecycleStage(target).updatedAt(now).build();
    }

    private void requireActive(String action) {
        if (isArchived()) {
            throw new io.crmkit.shared.IllegalTransitionException("Customer", id,
                    "cannot " + action + " an archived customer; unarchive it first");
        }
    }

    private static void require(String path, Object value) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
    }

    private static <T> List<T> contactPoints(String path, List<T> points, Function<T, Boolean> primary,
                                             Function<T, Object> key) {
        if (points == null) {
            return List.of();
        }
        List<T> copy = List.copyOf(points);
        if (copy.size() > MAX_CONTACT_POINTS) {
            throw InvalidInputException.of(path, "must hold at most " + MAX_CONTACT_POINTS + " entries");
        }
        if (copy.stream().filter(primary::apply).count() > 1) {
            throw InvalidInputException.of(path, "at most one may be primary");
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            if (!seen.add(key.apply(copy.get(i)))) {
                throw InvalidInputException.of(path + "[" + i + "]", "is already there");
            }
        }
        return copy;
    }

    private static Set<String> tags(Set<String> tags) {
        if (tags == null) {
            return Collections.emptySortedSet();
        }
        TreeSet<String> copy = new TreeSet<>();
        for (String tag : tags) {
            copy.add(TextRules.required("tags", tag, 100));
        }
        if (copy.size() > MAX_CONTACT_POINTS) {
            throw InvalidInputException.of("tags", "must hold at most " + MAX_CONTACT_POINTS + " tags");
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    /** Builds a {@link Customer}; every value starts empty or null. */
    public static final class Builder {
        private CustomerId id;
        private TenantId tenantId;
        private long version = 1;
        private CustomerKind kind;
        private PersonProfile person;
        private OrganisationProfile organisation;
        private List<EmailContact> emails = List.of();
        private List<PhoneContact> phones = List.of();
        private List<PostalAddress> addresses = List.of();
        private Set<String> tags = Set.of();
        private Map<String, AttributeValue> attributes = Map.of();
        private Map<String, AttributeValue> preferences = Map.of();
        private List<ImportantDate> importantDates = List.of();
        private UserId owner;
        private CommunicationPreference communication = CommunicationPreference.NONE;
        private LifecycleStage lifecycleStage = LifecycleStage.LEAD;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant archivedAt;

        private Builder() {
        }

        private Builder(Customer c) {
            id = c.id;
            tenantId = c.tenantId;
            version = c.version;
            kind = c.kind;
            person = c.person;
            organisation = c.organisation;
            emails = c.emails;
            phones = c.phones;
            addresses = c.addresses;
            tags = c.tags;
            attributes = c.attributes;
            preferences = c.preferences;
            importantDates = c.importantDates;
            owner = c.owner;
            communication = c.communication;
            lifecycleStage = c.lifecycleStage;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
            archivedAt = c.archivedAt;
        }

        public Builder id(CustomerId id) {
            this.id = id;
            return this;
        }

        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Makes this a person with {@code profile}. */
        public Builder person(PersonProfile profile) {
            this.kind = CustomerKind.PERSON;
            this.person = profile;
            this.organisation = null;
            return this;
        }

        /** Makes this an organisation with {@code profile}. */
        public Builder organisation(OrganisationProfile profile) {
            this.kind = CustomerKind.ORGANISATION;
            this.organisation = profile;
            this.person = null;
            return this;
        }

        public Builder emails(List<EmailContact> emails) {
            this.emails = emails;
            return this;
        }

        public Builder phones(List<PhoneContact> phones) {
            this.phones = phones;
            return this;
        }

        public Builder addresses(List<PostalAddress> addresses) {
            this.addresses = addresses;
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder attributes(Map<String, AttributeValue> attributes) {
            this.attributes = attributes;
            return this;
        }

        public Builder preferences(Map<String, AttributeValue> preferences) {
            this.preferences = preferences;
            return this;
        }

        public Builder importantDates(List<ImportantDate> importantDates) {
            this.importantDates = importantDates;
            return this;
        }

        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        public Builder communication(CommunicationPreference communication) {
            this.communication = communication;
            return this;
        }

        public Builder lifecycleStage(LifecycleStage lifecycleStage) {
            this.lifecycleStage = lifecycleStage;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder archivedAt(Instant archivedAt) {
            this.archivedAt = archivedAt;
            return this;
        }

        /** @throws InvalidInputException naming the first broken invariant */
        public Customer build() {
            return new Customer(id, tenantId, version, kind, person, organisation, emails, phones, addresses, tags,
                    attributes, preferences, importantDates, owner, communication, lifecycleStage, createdAt,
                    updatedAt, archivedAt);
        }
    }
}
