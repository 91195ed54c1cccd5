package io.crmkit.jdbc.testing;

import static io.crmkit.jdbc.testing.Fixtures.T0;

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
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Leads, lead touchpoints and lead settings with every field set, for round trips. */
public final class LeadFixtures {

    private LeadFixtures() {
    }

    public static LeadId leadId() {
        return new LeadId(Fixtures.nextId());
    }

    /** A lead with only an e-mail address, captured through a newsletter at {@link Fixtures#T0}. */
    public static Lead minimalLead(TenantId tenant, String email) {
        Attribution touch = new Attribution(LeadSource.of(LeadChannel.NEWSLETTER), T0);
        return Lead.builder().id(leadId()).tenantId(tenant).email(EmailAddress.parse(email)).firstTouch(touch)
                .lastTouch(touch).createdAt(T0).updatedAt(T0).build();
    }

    /**
     * A sales-qualified lead with every value set at its longest or in a form some database gets wrong: texts at
     * their maximum length with quotes, line breaks and characters outside the BMP, URLs of 2000 characters, the
     * extremes of instants and attribute values, a negative score.
     */
    public static Lead fullLead(TenantId tenant, CustomerId related) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("tier", AttributeValue.oneOf("gold", List.of("bronze", "silver", "gold")));
        attributes.put("visits", AttributeValue.integer(Long.MIN_VALUE));
        attributes.put("ltv", AttributeValue.decimal("12345678901234567890.123456789012345678"));
        attributes.put("vip", AttributeValue.bool(false));
        attributes.put("since", AttributeValue.date(LocalDate.of(1900, 1, 1)));
        attributes.put("note", AttributeValue.text("ünïcödé ☕ 𝄞 \"quoted\" 'single' \\ back\nslash"));
        String url = "https://shop.example/landing?q=" + "é".repeat(1969);
        LeadSource first = new LeadSource(LeadChannel.AD, "x".repeat(198) + "🌷", "cpc", "scented \"candles\"",
                "banner-b\nvariant", "https://www.example-search.com/?q=candles&x=1", url);
        LeadSource last = new LeadSource(LeadChannel.WEBINAR, "candle-care", "m", "t", "c", url.replace('é', 'e'),
                "https://shop.example/");
        return Lead.builder().id(leadId()).tenantId(tenant).version(41)
                .givenName("Zoë 𝄞").familyName("O'Brien-Łukasiewicz" + "z".repeat(181))
                .jobTitle("Head of Purchasing; \"tea\" & cakes").company("Café Luna").companyDomain("cafe-luna.example")
                .countryCode("IE").email(EmailAddress.parse("Zoe.OBrien@Example.COM"))
                .phone(new PhoneNumber("+442079460958", "1234567890")).attributes(attributes)
                .sourceRef(new SourceRef("webforms", "submission:8812/ä " + "y".repeat(180)))
                .firstTouch(new Attribution(first, Instant.parse("1900-01-01T00:00:00.000001Z")))
                .lastTouch(new Attribution(last, Instant.parse("9999-12-31T23:59:59.999999Z")))
                .owner(UserId.of("alice@example.com")).status(LeadStatus.QUALIFIED)
                .qualification(QualificationLevel.SALES_QUALIFIED)
                .bant(new BantChecklist(BantItem.confirmed("£10k\napproved"), BantItem.unknown(),
                        BantItem.confirmed("second café " + "n".repeat(980)), BantItem.notConfirmed("maybe Q3")))
                .score(new BigDecimal("-123456789012345678901234567890123456.78")).scoredAt(T0.plusSeconds(60))
                .possibleDuplicates(new PossibleDuplicates(List.of(Fixtures.customerId(), Fixtures.customerId()),
                        List.of(leadId())))
                .customerId(related).createdAt(T0.minusSeconds(86_400)).updatedAt(T0.plusSeconds(3600)).build();
    }

    /** {@code lead} converted into {@code customer}, with every value of the conversion set. */
    public static Lead converted(Lead lead, CustomerId customer) {
        LeadConversion conversion = new LeadConversion(customer, true, Fixtures.customerId(), true,
                new RelationshipId(Fixtures.nextId()), new DealId(Fixtures.nextId()),
                List.of("givenName", "emails", "attributes.tier", "organisation.domain"), 3, T0.plusSeconds(7200),
                UserId.of("bob"));
        return lead.toBuilder().version(lead.version() + 1).status(LeadStatus.CONVERTED).conversion(conversion)
                .customerId(customer).updatedAt(T0.plusSeconds(7200)).build();
    }

    /** Settings with every kind of condition and rule. */
    public static LeadSettings fullSettings() {
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
                                Condition.equalTo("direction", "INBOUND"), 4, Duration.ofDays(14).plusNanos(1), 20),
                        new EngagementRule("visits", Set.of(Channel.WEB_VISIT), null, -3, null, null)),
                Duration.ofDays(180));
        return new LeadSettings(List.of("No budget", "spam", "Zu teuer — später"),
                new MarketingQualificationRule(new BigDecimal("42.5"), every),
                new SalesQualificationPolicy(Set.of(BantCriterion.NEED, BantCriterion.TIMELINE), true), model);
    }

    /** A touchpoint of {@code lead} of {@code channel} at {@code at}, with an optional source. */
    public static Touchpoint leadTouchpoint(TenantId tenant, LeadId lead, Channel channel, Instant at,
                                            String externalId) {
        return leadTouchpoint(tenant, lead, channel, at, externalId, new TouchpointId(Fixtures.nextId()));
    }

    public static Touchpoint leadTouchpoint(TenantId tenant, LeadId lead, Channel channel, Instant at,
                                            String externalId, TouchpointId id) {
        return new Touchpoint(id, tenant, null, lead, channel,
                channel.ordinal() % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, at, T0, null, null, null, null,
                Map.of(), channel == Channel.PURCHASE ? new Purchase(Money.of("9.99", "EUR"), null) : null,
                externalId == null ? null : SourceRef.of("test", externalId));
    }

    /** A purchase of {@code lead} with every field set. */
    public static Touchpoint fullLeadPurchase(TenantId tenant, LeadId lead, String externalId) {
        Touchpoint purchase = Fixtures.fullPurchase(tenant, Fixtures.customerId(), externalId);
        return new Touchpoint(purchase.id(), tenant, null, lead, purchase.channel(), purchase.direction(),
                purchase.occurredAt(), purchase.recordedAt(), purchase.subject(), purchase.body(),
                purchase.handledBy(), purchase.dealId(), purchase.attributes(), purchase.purchase(), purchase.source());
    }
}
