package io.crmkit.lead;

import io.crmkit.customer.EmailAddress;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Leads and touchpoints built directly, for the pure scoring function. */
final class ScoringFixtures {

    static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    static final TenantId TENANT = TenantId.of("shop");

    private ScoringFixtures() {
    }

    static Lead lead(String jobTitle, String country, String email) {
        Attribution touch = new Attribution(LeadSource.of(LeadChannel.WEB_FORM).campaign("spring"), AT.minusSeconds(86_400 * 30));
        return Lead.builder().id(new LeadId(new UUID(7, 7))).tenantId(TENANT).givenName("Tom").jobTitle(jobTitle)
                .countryCode(country).email(email == null ? null : EmailAddress.parse(email))
                .attributes(Map.of("employees", AttributeValue.integer(40)))
                .firstTouch(touch).lastTouch(touch).createdAt(touch.at()).updatedAt(touch.at()).build();
    }

    static Touchpoint touchpoint(Lead lead, long n, Channel channel, Instant occurredAt, Map<String, AttributeValue> attributes) {
        return new Touchpoint(new TouchpointId(new UUID(0x0190_0000_0000_7000L, n)), TENANT, null, lead.id(), channel,
                Direction.INBOUND, occurredAt, occurredAt, null, null, null, null, attributes, null, null);
    }

    static Touchpoint touchpoint(Lead lead, long n, Channel channel, Instant occurredAt) {
        return touchpoint(lead, n, channel, occurredAt, Map.of());
    }
}
