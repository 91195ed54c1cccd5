package io.crmkit.lead;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Attributes;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.shared.Violations;
import io.crmkit.touchpoint.SourceRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lead to capture, as a form, a sign-up, a webinar tool or an import delivered it.
 *
 * <pre>{@code
 * LeadCapture capture = LeadCapture.builder(LeadSource.of(LeadChannel.WEB_FORM).campaign("spring-sale").medium("cpc"))
 *         .name("Tom", "Baker").jobTitle("Purchasing Director").company("Café Luna")
 *         .email("Tom@Cafe-Luna.example").phone("07700 900456").country("GB")
 *         .attribute("employees", AttributeValue.integer(40))
 *         .sourceRef("webforms", "submission-8812")   // re-delivered: captured once
 *         .build();
 * }</pre>
 *
 * <p>Validated when captured, not when built; every problem is reported at once with its path ({@code email},
 * {@code phone}, {@code source.channel}, {@code attributes[x y]}) and nothing is stored. A capture needs a name,
 * an e-mail address or a phone number.
 *
 * @param source          where the lead came from; required
 * @param givenName       given name, or null
 * @param familyName      family name, or null
 * @param jobTitle        job title, or null
 * @param company         company name, or null
 * @param companyDomain   the company's web domain, or null
 * @param countryCode     ISO 3166-1 alpha-2 country, or null
 * @param email           e-mail address as typed, or null
 * @param phone           phone number as typed, or null
 * @param phoneRegion     the region to read a phone number without country code in, else the {@code Crm}'s default
 * @param attributes      free typed attributes
 * @param sourceRef       the source system and its id: the idempotency key, or null (then every capture is new)
 * @param owner           the owner to assign explicitly, or null to use the assignment strategy
 * @param duplicatePolicy what to do on a match, or null for the {@code Crm}'s default
 * @param capturedAt      when it was captured at the source (for imports of old data), or null for now
 */
public record LeadCapture(
        @NotNull LeadSource source,
        @Size(max = Lead.MAX_TEXT_LENGTH) String givenName,
        @Size(max = Lead.MAX_TEXT_LENGTH) String familyName,
        @Size(max = Lead.MAX_TEXT_LENGTH) String jobTitle,
        @Size(max = Lead.MAX_TEXT_LENGTH) String company,
        @Size(max = 253) String companyDomain,
        @Size(min = 2, max = 2) String countryCode,
        @Size(max = 320) String email,
        @Size(max = 64) String phone,
        @Size(min = 2, max = 2) String phoneRegion,
        Map<@NotNull String, @NotNull AttributeValue> attributes,
        SourceRef sourceRef,
        UserId owner,
        DuplicatePolicy duplicatePolicy,
        Instant capturedAt) {

    /** Copies the attributes; null becomes empty. */
    public LeadCapture {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Starts a capture from {@code source}. */
    public static Builder builder(LeadSource source) {
        return new Builder(source);
    }

    static Lead toLead(LeadId id, TenantId tenant, LeadCapture c, String defaultRegion, Instant now) {
        Violations v = new Violations();
        EmailAddress email = c.email() == null ? null : v.capture("email", () -> EmailAddress.parse(c.email()));
        String region = c.phoneRegion() != null ? c.phoneRegion() : defaultRegion;
        PhoneNumber phone = c.phone() == null ? null : v.capture("phone", () -> PhoneNumber.parse(c.phone(), region));
        c.attributes().forEach((key, value) -> {
            if (!Attributes.isValidKey(key)) {
                v.add("attributes[" + key + "]", "key must be a letter followed by up to 63 letters, digits or _ . -");
            }
        });
        if (c.attributes().size() > Attributes.MAX_ENTRIES) {
            v.add("attributes", "must have at most " + Attributes.MAX_ENTRIES + " entries");
        }
        // Each field on its own first, so that one refusal lists them all; the aggregate then checks the whole.
        v.capture("givenName", () -> LeadTexts.optional("givenName", c.givenName(), Lead.MAX_TEXT_LENGTH));
        v.capture("familyName", () -> LeadTexts.optional("familyName", c.familyName(), Lead.MAX_TEXT_LENGTH));
        v.capture("jobTitle", () -> LeadTexts.optional("jobTitle", c.jobTitle(), Lead.MAX_TEXT_LENGTH));
        v.capture("company", () -> LeadTexts.optional("company", c.company(), Lead.MAX_TEXT_LENGTH));
        v.capture("companyDomain", () -> Lead.normaliseDomain(c.companyDomain()));
        v.capture("countryCode", () -> Lead.normaliseCountry(c.countryCode()));
        Instant at = c.capturedAt() != null ? c.capturedAt() : now;
        Attribution touch = null;
        if (c.source() == null) {
            v.add("source", "must not be null");
        } else {
            touch = v.capture("capturedAt", () -> new Attribution(c.source(), at));
        }
        if (c.capturedAt() != null && c.capturedAt().isAfter(now)) {
            v.add("capturedAt", "must not be in the future");
        }
        v.throwIfAny();
        Attribution first = touch;
        Lead lead = v.captureNested("", () -> Lead.builder().id(id).tenantId(tenant).version(1)
                .givenName(c.givenName()).familyName(c.familyName()).jobTitle(c.jobTitle())
                .company(c.company()).companyDomain(c.companyDomain()).countryCode(c.countryCode())
                .email(email).phone(phone).attributes(c.attributes()).sourceRef(c.sourceRef())
                .firstTouch(first).lastTouch(first).owner(c.owner())
                .createdAt(now).updatedAt(now).build());
        v.throwIfAny();
        return lead;
    }

    /** Builds a {@link LeadCapture}; nothing is validated before it is captured. */
    public static final class Builder {
        private final LeadSource source;
        private String givenName;
        private String familyName;
        private String jobTitle;
        private String company;
        private String companyDomain;
        private String countryCode;
        private String email;
        private String phone;
        private String phoneRegion;
        private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        private SourceRef sourceRef;
        private UserId owner;
        private DuplicatePolicy duplicatePolicy;
        private Instant capturedAt;

        private Builder(LeadSource source) {
            this.source = source;
        }

        /** Given and family name; either may be null. */
        public Builder name(String givenName, String familyName) {
            this.givenName = givenName;
            this.familyName = familyName;
            return this;
        }

        /** The job title. */
        public Builder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        /** The company's name. */
        public Builder company(String company) {
            this.company = company;
            return this;
        }

        /** The company's web domain, e.g. {@code cafe-luna.example}. */
        public Builder companyDomain(String domain) {
            this.companyDomain = domain;
            return this;
        }

        /** The ISO 3166-1 alpha-2 country. */
        public Builder country(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        /** The e-mail address as typed. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The phone number as typed. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Reads a phone number without country code in {@code region}. */
        public Builder phoneRegion(String region) {
            this.phoneRegion = region;
            return this;
        }

        /** Sets a free typed attribute. */
        public Builder attribute(String key, AttributeValue value) {
            attributes.put(key, value);
            return this;
        }

        /** The source system and its id: the key that makes capturing idempotent. */
        public Builder sourceRef(String system, String externalId) {
            this.sourceRef = new SourceRef(system, externalId);
            return this;
        }

        /** The source system and its id. */
        public Builder sourceRef(SourceRef sourceRef) {
            this.sourceRef = sourceRef;
            return this;
        }

        /** Assigns the lead to {@code owner} instead of asking the assignment strategy. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** What to do if an existing customer or open lead matches, for this capture only. */
        public Builder onDuplicate(DuplicatePolicy policy) {
            this.duplicatePolicy = policy;
            return this;
        }

        /** When the lead was captured at its source (not in the future); now if not given. */
        public Builder capturedAt(Instant at) {
            this.capturedAt = at;
            return this;
        }

        /** The capture; validated when captured. */
        public LeadCapture build() {
            return new LeadCapture(source, givenName, familyName, jobTitle, company, companyDomain, countryCode,
                    email, phone, phoneRegion, attributes, sourceRef, owner, duplicatePolicy, capturedAt);
        }
    }
}
