package io.crmkit.testkit;

import static io.crmkit.testkit.Fixtures.T0;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.lead.Attribution;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantCriterion;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.Condition;
import io.crmkit.lead.EngagementRule;
import io.crmkit.lead.FitRule;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadConversion;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.MarketingQualificationRule;
import io.crmkit.lead.PossibleDuplicates;
import io.crmkit.lead.QualificationLevel;
import io.crmkit.lead.SalesQualificationPolicy;
import io.crmkit.lead.ScoringModel;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Leads, lead touchpoints and lead settings the lead contracts write. */
final class LeadFixtures {

    private static final IdGenerator IDS = IdGenerator.uuidV7(Clock.systemUTC());

    private LeadFixtures() {
    }

    static LeadId leadId() {
        return new LeadId(IDS.next());
    }

    static Attribution touch(LeadChannel channel, Instant at) {
        return new Attribution(LeadSource.of(channel), at);
    }

    /** A lead with only an e-mail address. */
    static Lead minimalLead(TenantId tenant, LeadId id, String email) {
        Attribution touch = touch(LeadChannel.NEWSLETTER, T0);
        return Lead.builder().id(id).tenantId(tenant).email(EmailAddress.parse(email))
                .firstTouch(touch).lastTouch(touch).createdAt(T0).updatedAt(T0).build();
    }

    static Lead minimalLead(TenantId tenant, String email) {
        return minimalLead(tenant, leadId(), email);
    }

    static Lead leadWithPhone(TenantId tenant, LeadId id, PhoneNumber phone) {
        Attribution touch = touch(LeadChannel.CHAT, T0);
        return Lead.builder().id(id).tenantId(tenant).phone(phone).firstTouch(touch).lastTouch(touch)
                .createdAt(T0).updatedAt(T0).build();
    }

    /**
     * A sales-qualified lead with every value set, many in a form that some database gets wrong, related to
     * {@code customer} (which the contracts store first).
     */
    static Lead fullLead(TenantId tenant, LeadId id, CustomerId customer) {
        LeadSource first = new LeadSource(LeadChannel.AD, "spring-sale 🌷", "cpc", "scented \"candles\"", "banner-b",
                "https://www.example-search.com/?q=candles&x=1", "https://shop.example/spring?utm_source=ads");
        LeadSource last = new LeadSource(LeadChannel.WEBINAR, "candle-care", null, null, null, null, null);
        return Lead.builder().id(id).tenantId(tenant).version(1)
                .givenName("Zoë").familyName("O'Brien-Łukasiewicz").jobTitle("Head of Purchasing; \"tea\" & cakes")
                .company("Café Luna").companyDomain("cafe-luna.example").countryCode("IE")
                .email(EmailAddress.parse("Zoe.OBrien@Example.COM")).phone(new PhoneNumber("+442079460958", "12"))
                .attributes(Fixtures.everyAttributeType())
                .sourceRef(new SourceRef("webforms", "submission:8812/ä"))
                .firstTouch(new Attribution(first, T0.minusSeconds(86_400).plusNanos(1_000)))
                .lastTouch(new Attribution(last, T0.plusNanos(999_000)))
                .owner(UserId.of("alice@example.com"))
                .status(LeadStatus.QUALIFIED)
                .qualification(QualificationLevel.SALES_QUALIFIED)
                .bant(new BantChecklist(BantItem.confirmed("£10k\napproved"), BantItem.unknown(),
                        BantItem.confirmed("second café"), BantItem.notConfirmed("maybe Q3")))
                .score(new BigDecimal("-12.50")).scoredAt(T0.plusSeconds(60))
                .possibleDuplicates(new PossibleDuplicates(List.of(Fixtures.customerId(), Fixtures.customerId()),
                        List.of(leadId())))
                .customerId(customer)
                .createdAt(T0.minusSeconds(86_400))
                .updatedAt(T0.plusSeconds(3600))
                .build();
    }

    /**
     * {@code lead} converted into {@code customer} (which the contracts store first), with every value of the
     * conversion set; the organisation, relationship and deal it names are not stored.
     */
    static Lead converted(Lead lead, CustomerId customer) {
        LeadConversion conversion = new LeadConversion(customer, true, Fixtures.customerId(), false,
                new RelationshipId(IDS.next()), new DealId(IDS.next()),
                List.of("givenName", "emails", "attributes.tier", "organisation.domain"), 3, T0.plusSeconds(7200),
                UserId.of("bob"));
        return lead.toBuilder().version(lead.version() + 1).status(LeadStatus.CONVERTED).conversion(conversion)
                .customerId(customer).updatedAt(T0.plusSeconds(7200)).build();
    }

    /** Settings with every kind of condition and rule. */
    static LeadSettings fullSettings() {
        Condition every = Condition.and(
                Condition.contains("jobTitle", "director"),
                Condition.or(Condition.equalTo("attribute.tier", "gold"), Condition.exists("companyDomain")),
                Condition.not(Condition.in("country", Set.of("XX", "YY"))),
                Condition.emailDomainIn(Set.of("gmail.com", "yahoo.com")),
                Condition.sourceIs(LeadChannel.WEBINAR));
        ScoringModel model = new ScoringModel(
                List.of(new FitRule("fit", every, 15), new FitRule("free mail",
                        Condition.emailDomainIn(Set.of("gmail.com")), -5)),
                List.of(new EngagementRule("e-mails", Set.of(Channel.EMAIL, Channel.CALL),
                                Condition.equalTo("direction", "INBOUND"), 4, Duration.ofDays(14).plusSeconds(1), 20),
                        new EngagementRule("visits", Set.of(Channel.WEB_VISIT), null, -3, null, null)),
                Duration.ofDays(180));
        return new LeadSettings(List.of("No budget", "spam", "Zu teuer — später"),
                new MarketingQualificationRule(new BigDecimal("42.5"), every),
                new SalesQualificationPolicy(Set.of(BantCriterion.NEED, BantCriterion.TIMELINE), true), model);
    }

    static Touchpoint leadTouchpoint(TenantId tenant, LeadId lead, Channel channel, Instant occurredAt) {
        return new Touchpoint(new TouchpointId(IDS.next()), tenant, null, lead, channel, Direction.INBOUND,
                occurredAt, T0, null, null, null, null, Map.of(), null, null);
    }

    static Touchpoint leadTouchpoint(TenantId tenant, LeadId lead, Channel channel, Instant occurredAt,
                                     SourceRef source) {
        return new Touchpoint(new TouchpointId(IDS.next()), tenant, null, lead, channel, Direction.OUTBOUND,
                occurredAt, T0, "Subject", "Body", UserId.of("alice"), null, Map.of(), null, source);
    }
}
