package io.crmkit.lead;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Attributes;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.SourceRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lead: someone who might become a customer. The lead aggregate holds who they are (names, job title, company,
 * e-mail and phone normalised exactly as customers' are, country, free attributes), where they came from (the
 * source reference of the capture, first- and last-touch {@link Attribution}), who owns them, their
 * {@link LeadStatus}, their {@link QualificationLevel} with the BANT checklist, their last stored score, the
 * possible duplicates found at capture, the customer they relate to and, once converted, what they became.
 * Touchpoints and status history refer to the lead by {@link LeadId}.
 *
 * <p>A {@code Lead} is an immutable snapshot at one {@link #version()}. Hosts change leads through {@link Leads};
 * the behaviour methods here return the next version and refuse what the rules never allow with
 * {@link IllegalTransitionException}. The constructor guards the invariants whoever calls it:
 * <ul>
 *   <li>it has a name, an e-mail address or a phone number (at least one); first and last touch are present;</li>
 *   <li>status {@link LeadStatus#DISQUALIFIED} if and only if there is a disqualification reason;
 *       {@link LeadStatus#CONVERTED} if and only if there is a {@link LeadConversion}, whose customer is
 *       {@link #customerId()};</li>
 *   <li>{@link QualificationLevel#SALES_QUALIFIED} if and only if there is a BANT checklist; status
 *       {@link LeadStatus#QUALIFIED} only when sales-qualified;</li>
 *   <li>score and scoredAt are both present or both absent; the score has two decimals;</li>
 *   <li>the version is at least 1; {@code updatedAt} is not before {@code createdAt}.</li>
 * </ul>
 *
 * @param id                     the lead's id
 * @param tenantId               the tenant
 * @param version                the optimistic version: 1 when captured, one more with every saved change
 * @param givenName              given name, or null
 * @param familyName             family name, or null
 * @param jobTitle               job title, or null
 * @param company                the company they work for, or null
 * @param companyDomain          that company's web domain, lower-cased, or null
 * @param countryCode            ISO 3166-1 alpha-2 country, upper-case, or null
 * @param email                  e-mail address, normalised as customers' ({@link EmailAddress}), or null
 * @param phone                  phone number in E.164 ({@link PhoneNumber}), or null
 * @param attributes             free typed attributes, sorted by key
 * @param sourceRef              the source system and its id of the capture that created the lead (the
 *                               idempotency key), or null
 * @param firstTouch             the capture that created the lead
 * @param lastTouch              the latest capture attached to the lead (the first one until another is attached)
 * @param owner                  the user who owns the lead, or null
 * @param status                 the status
 * @param disqualificationReason why it was disqualified (one of the tenant's reasons); null unless disqualified
 * @param qualification          the qualification level reached
 * @param bant                   the BANT checklist recorded when a sales user accepted it; null before
 * @param score                  the last stored score, two decimals, or null if never scored
 * @param scoredAt               the instant that score was computed for, or null; a later scoring that gives the
 *                               same score leaves score and scoredAt as they are (no write, no event)
 * @param possibleDuplicates     the customers and leads it may duplicate (flagged at capture)
 * @param customerId             the customer the lead relates to (attached at capture, or what it became), or null
 * @param conversion             what it became; null unless converted
 * @param createdAt              when it was captured
 * @param updatedAt              when it last changed
 */
public record Lead(
        LeadId id,
        TenantId tenantId,
        long version,
        String givenName,
        String familyName,
        String jobTitle,
        String company,
        String companyDomain,
        String countryCode,
        EmailAddress email,
        PhoneNumber phone,
        Map<String, AttributeValue> attributes,
        SourceRef sourceRef,
        Attribution firstTouch,
        Attribution lastTouch,
        UserId owner,
        LeadStatus status,
        String disqualificationReason,
        QualificationLevel qualification,
        BantChecklist bant,
        BigDecimal score,
        Instant scoredAt,
        PossibleDuplicates possibleDuplicates,
        CustomerId customerId,
        LeadConversion conversion,
        Instant createdAt,
        Instant updatedAt) {

    /** The longest name, job title or company. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** The scale of stored scores. */
    public static final int SCORE_SCALE = 2;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final java.util.regex.Pattern DOMAIN =
            java.util.regex.Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    /** @throws InvalidInputException naming the first broken invariant */
    public Lead {
        LeadTexts.require("id", id);
        LeadTexts.require("tenantId", tenantId);
        LeadTexts.require("firstTouch", firstTouch);
        LeadTexts.require("lastTouch", lastTouch);
        LeadTexts.require("status", status);
        LeadTexts.require("qualification", qualification);
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        givenName = LeadTexts.optional("givenName", givenName, MAX_TEXT_LENGTH);
        familyName = LeadTexts.optional("familyName", familyName, MAX_TEXT_LENGTH);
        jobTitle = LeadTexts.optional("jobTitle", jobTitle, MAX_TEXT_LENGTH);
        company = LeadTexts.optional("company", company, MAX_TEXT_LENGTH);
        companyDomain = normaliseDomain(companyDomain);
        countryCode = normaliseCountry(countryCode);
        if (givenName == null && familyName == null && email == null && phone == null) {
            throw InvalidInputException.of("givenName", "a lead needs a name, an e-mail address or a phone number");
        }
        attributes = Attributes.copyOf("attributes", attributes == null ? Map.of() : attributes);
        disqualificationReason = LeadTexts.optional("disqualificationReason", disqualificationReason, 100);
        if ((status == LeadStatus.DISQUALIFIED) != (disqualificationReason != null)) {
            throw InvalidInputException.of("disqualificationReason",
                    "a lead has a disqualification reason exactly when it is DISQUALIFIED");
        }
        if ((status == LeadStatus.CONVERTED) != (conversion != null)) {
            throw InvalidInputException.of("conversion", "a lead has a conversion exactly when it is CONVERTED");
        }
        if (conversion != null && !conversion.customerId().equals(customerId)) {
            throw InvalidInputException.of("customerId", "a converted lead relates to the customer it became");
        }
        if ((qualification == QualificationLevel.SALES_QUALIFIED) != (bant != null)) {
            throw InvalidInputException.of("bant", "a lead has a BANT checklist exactly when it is sales-qualified");
        }
        if (status == LeadStatus.QUALIFIED && qualification != QualificationLevel.SALES_QUALIFIED) {
            throw InvalidInputException.of("qualification", "a QUALIFIED lead is sales-qualified");
        }
        if ((score == null) != (scoredAt == null)) {
            throw InvalidInputException.of("score", "score and scoredAt are both present or both absent");
        }
        if (score != null) {
            try {
                score = score.setScale(SCORE_SCALE, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw InvalidInputException.of("score", "must have at most " + SCORE_SCALE + " decimals");
            }
            scoredAt = Timestamps.normalise("scoredAt", scoredAt);
        }
        possibleDuplicates = possibleDuplicates == null ? PossibleDuplicates.NONE : possibleDuplicates;
        createdAt = Timestamps.normalise("createdAt", createdAt);
        updatedAt = Timestamps.normalise("updatedAt", updatedAt);
        if (updatedAt.isBefore(createdAt)) {
            throw InvalidInputException.of("updatedAt", "must not be before createdAt");
        }
    }

    /** A builder, for storage adapters rebuilding a lead and for tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of this lead. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Given and family name separated by a space, else the e-mail address, else the phone number. */
    public String displayName() {
        if (givenName != null || familyName != null) {
            return givenName == null ? familyName : familyName == null ? givenName : givenName + " " + familyName;
        }
        return email != null ? email.value() : phone.toString();
    }

    /** Whether the lead is still in play (neither converted nor disqualified). */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** Whether it was flagged as a possible duplicate at capture. */
    public boolean isPossibleDuplicate() {
        return possibleDuplicates.any();
    }

    /** What the lead became, if it was converted. */
    public Optional<LeadConversion> conversionResult() {
        return Optional.ofNullable(conversion);
    }

    /**
     * A new lead at version 1 from a capture: e-mail normalised, phone parsed (in the capture's region, else
     * {@code defaultRegion}), every problem reported at once. No owner unless the capture names one.
     *
     * @throws InvalidInputException listing every problem of the capture
     */
    public static Lead capture(LeadId id, TenantId tenantId, LeadCapture capture, String defaultRegion,
                               Instant now) {
        return LeadCapture.toLead(id, tenantId, capture, defaultRegion, now);
    }

    /** This lead with {@code touch} as its last touch, at the next version. */
    public Lead withLastTouch(Attribution touch, Instant now) {
        requireOpen("attach a capture to");
        return next(now).lastTouch(touch).build();
    }

    /** This lead owned by {@code newOwner}, at the next version. */
    public Lead assignTo(UserId newOwner, Instant now) {
        requireOpen("assign");
        return next(now).owner(newOwner).build();
    }

    /**
     * This lead in status {@code target} ({@link LeadStatus#WORKING} or {@link LeadStatus#NURTURING}), at the next
     * version.
     *
     * @throws IllegalTransitionException if {@link LeadStatus#refusalToMoveTo} refuses the move
     */
    public Lead moveTo(LeadStatus target, Instant now) {
        Optional<String> refusal = status.refusalToMoveTo(target);
        if (refusal.isPresent()) {
            throw new IllegalTransitionException("Lead", id, "cannot move from " + status + " to " + target + ": "
                    + refusal.get());
        }
        return next(now).status(target).build();
    }

    /**
     * This lead disqualified for {@code reason}, at the next version.
     *
     * @throws IllegalTransitionException if it is not open
     */
    public Lead disqualify(String reason, Instant now) {
        requireOpen("disqualify");
        return next(now).status(LeadStatus.DISQUALIFIED).disqualificationReason(reason).build();
    }

    /**
     * This disqualified lead back in {@link LeadStatus#NURTURING}, its reason and qualification cleared (it has to
     * qualify again), at the next version.
     *
     * @throws IllegalTransitionException if it is not disqualified
     */
    public Lead recycle(Instant now) {
        if (status != LeadStatus.DISQUALIFIED) {
            throw new IllegalTransitionException("Lead", id, "cannot recycle a " + status
                    + " lead: only a DISQUALIFIED lead is recycled (to NURTURING)");
        }
        return next(now).status(LeadStatus.NURTURING).disqualificationReason(null)
                .qualification(QualificationLevel.NONE).bant(null).build();
    }

    /**
     * This lead marketing-qualified, at the next version.
     *
     * @throws IllegalTransitionException if it is not open or already qualified
     */
    public Lead markMarketingQualified(Instant now) {
        requireOpen("qualify");
        if (qualification != QualificationLevel.NONE) {
            throw new IllegalTransitionException("Lead", id, "is already " + qualification);
        }
        return next(now).qualification(QualificationLevel.MARKETING_QUALIFIED).build();
    }

    /**
     * This lead accepted by sales: status {@link LeadStatus#QUALIFIED}, level
     * {@link QualificationLevel#SALES_QUALIFIED}, with {@code checklist}, at the next version. The policy is the
     * caller's to check.
     *
     * @throws IllegalTransitionException if it is not open or already QUALIFIED
     */
    public Lead acceptAsSalesQualified(BantChecklist checklist, Instant now) {
        requireOpen("qualify");
        if (status == LeadStatus.QUALIFIED) {
            throw new IllegalTransitionException("Lead", id, "is already QUALIFIED");
        }
        return next(now).status(LeadStatus.QUALIFIED).qualification(QualificationLevel.SALES_QUALIFIED)
                .bant(LeadTexts.require("bant", checklist)).build();
    }

    /** This lead with {@code value} as its score computed for {@code at}, at the next version. */
    public Lead withScore(BigDecimal value, Instant at, Instant now) {
        return next(now).score(value).scoredAt(at).build();
    }

    /**
     * This lead converted into what {@code result} says, at the next version.
     *
     * @throws IllegalTransitionException if it is not QUALIFIED
     */
    public Lead convert(LeadConversion result, Instant now) {
        if (status != LeadStatus.QUALIFIED) {
            throw new IllegalTransitionException("Lead", id, "only a QUALIFIED (sales-accepted) lead is converted;"
                    + " this one is " + status);
        }
        return next(now).status(LeadStatus.CONVERTED).conversion(result).customerId(result.customerId()).build();
    }

    private Builder next(Instant now) {
        return toBuilder().version(version + 1).updatedAt(now);
    }

    private void requireOpen(String action) {
        if (!isOpen()) {
            throw new IllegalTransitionException("Lead", id, "cannot " + action + " a " + status + " lead");
        }
    }

    static String normaliseDomain(String domain) {
        String value = LeadTexts.optional("companyDomain", domain, 253);
        if (value == null) {
            return null;
        }
        value = value.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(value).matches()) {
            throw InvalidInputException.of("companyDomain", "must be a host name such as example.com");
        }
        return value;
    }

    static String normaliseCountry(String country) {
        if (country == null) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw InvalidInputException.of("countryCode", "must be an ISO 3166-1 alpha-2 country code such as GB");
        }
        return code;
    }

    /** Builds a {@link Lead}; every value starts empty or null, the status NEW, the level NONE, version 1. */
    public static final class Builder {
        private LeadId id;
        private TenantId tenantId;
        private long version = 1;
        private String givenName;
        private String familyName;
        private String jobTitle;
        private String company;
        private String companyDomain;
        private String countryCode;
        private EmailAddress email;
        private PhoneNumber phone;
        private Map<String, AttributeValue> attributes = Map.of();
        private SourceRef sourceRef;
        private Attribution firstTouch;
        private Attribution lastTouch;
        private UserId owner;
        private LeadStatus status = LeadStatus.NEW;
        private String disqualificationReason;
        private QualificationLevel qualification = QualificationLevel.NONE;
        private BantChecklist bant;
        private BigDecimal score;
        private Instant scoredAt;
        private PossibleDuplicates possibleDuplicates = PossibleDuplicates.NONE;
        private CustomerId customerId;
        private LeadConversion conversion;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        private Builder(Lead l) {
            id = l.id;
            tenantId = l.tenantId;
            version = l.version;
            givenName = l.givenName;
            familyName = l.familyName;
            jobTitle = l.jobTitle;
            company = l.company;
            companyDomain = l.companyDomain;
            countryCode = l.countryCode;
            email = l.email;
            phone = l.phone;
            attributes = l.attributes;
            sourceRef = l.sourceRef;
            firstTouch = l.firstTouch;
            lastTouch = l.lastTouch;
            owner = l.owner;
            status = l.status;
            disqualificationReason = l.disqualificationReason;
            qualification = l.qualification;
            bant = l.bant;
            score = l.score;
            scoredAt = l.scoredAt;
            possibleDuplicates = l.possibleDuplicates;
            customerId = l.customerId;
            conversion = l.conversion;
            createdAt = l.createdAt;
            updatedAt = l.updatedAt;
        }

        public Builder id(LeadId id) {
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

        public Builder givenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        public Builder familyName(String familyName) {
            this.familyName = familyName;
            return this;
        }

        public Builder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        public Builder company(String company) {
            this.company = company;
            return this;
        }

        public Builder companyDomain(String companyDomain) {
            this.companyDomain = companyDomain;
            return this;
        }

        public Builder countryCode(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        public Builder email(EmailAddress email) {
            this.email = email;
            return this;
        }

        public Builder phone(PhoneNumber phone) {
            this.phone = phone;
            return this;
        }

        public Builder attributes(Map<String, AttributeValue> attributes) {
            this.attributes = attributes;
            return this;
        }

        public Builder sourceRef(SourceRef sourceRef) {
            this.sourceRef = sourceRef;
            return this;
        }

        public Builder firstTouch(Attribution firstTouch) {
            this.firstTouch = firstTouch;
            return this;
        }

        public Builder lastTouch(Attribution lastTouch) {
            this.lastTouch = lastTouch;
            return this;
        }

        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        public Builder status(LeadStatus status) {
            this.status = status;
            return this;
        }

        public Builder disqualificationReason(String reason) {
            this.disqualificationReason = reason;
            return this;
        }

        public Builder qualification(QualificationLevel qualification) {
            this.qualification = qualification;
            return this;
        }

        public Builder bant(BantChecklist bant) {
            this.bant = bant;
            return this;
        }

        public Builder score(BigDecimal score) {
            this.score = score;
            return this;
        }

        public Builder scoredAt(Instant scoredAt) {
            this.scoredAt = scoredAt;
            return this;
        }

        public Builder possibleDuplicates(PossibleDuplicates possibleDuplicates) {
            this.possibleDuplicates = possibleDuplicates;
            return this;
        }

        public Builder customerId(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder conversion(LeadConversion conversion) {
            this.conversion = conversion;
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

        /** @throws InvalidInputException naming the first broken invariant */
        public Lead build() {
            return new Lead(id, tenantId, version, givenName, familyName, jobTitle, company, companyDomain,
                    countryCode, email, phone, attributes, sourceRef, firstTouch, lastTouch, owner, status,
                    disqualificationReason, qualification, bant, score, scoredAt, possibleDuplicates, customerId,
                    conversion, createdAt, updatedAt);
        }
    }
}
