package io.crmkit.benchmarks.jpa;

import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A touchpoint as a JPA developer maps it: an application-assigned UUID id (no sequence, no generator), enums as
 * strings, instants as {@code timestamp with time zone}. The JSON column {@code attributes} is left unmapped: the
 * benchmark's touchpoints have none, so it stays NULL on every side.
 */
@MappedSuperclass
public abstract class TouchpointColumns {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "customer_id")
    private UUID customerId;

    @Column(name = "lead_id")
    private UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 32)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 16)
    private Direction direction;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "subject", length = 500)
    private String subject;

    @Column(name = "body")
    private String body;

    @Column(name = "handled_by", length = 128)
    private String handledBy;

    @Column(name = "deal_id")
    private UUID dealId;

    @Column(name = "purchase_amount", precision = 38, scale = 4)
    private BigDecimal purchaseAmount;

    @Column(name = "purchase_currency", length = 3)
    private String purchaseCurrency;

    @Column(name = "order_reference", length = 100)
    private String orderReference;

    @Column(name = "source_system", length = 64)
    private String sourceSystem;

    @Column(name = "source_external_id", length = 200)
    private String sourceExternalId;

    protected TouchpointColumns() {
    }

    protected TouchpointColumns(UUID id, String tenantId, UUID customerId, Channel channel, Direction direction,
                                Instant occurredAt, Instant recordedAt, String subject, String body, String handledBy,
                                BigDecimal purchaseAmount, String purchaseCurrency, String orderReference,
                                String sourceSystem, String sourceExternalId) {
        this.id = id;
        this.tenantId = tenantId;
        this.customerId = customerId;
        this.channel = channel;
        this.direction = direction;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.subject = subject;
        this.body = body;
        this.handledBy = handledBy;
        this.purchaseAmount = purchaseAmount;
        this.purchaseCurrency = purchaseCurrency;
        this.orderReference = orderReference;
        this.sourceSystem = sourceSystem;
        this.sourceExternalId = sourceExternalId;
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public Channel getChannel() {
        return channel;
    }

    public Direction getDirection() {
        return direction;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public UUID getDealId() {
        return dealId;
    }

    public BigDecimal getPurchaseAmount() {
        return purchaseAmount;
    }

    public String getPurchaseCurrency() {
        return purchaseCurrency;
    }

    public String getOrderReference() {
        return orderReference;
    }

    public String getSourceSystem() {
        return sourceSystem;
    }

    public String getSourceExternalId() {
        return sourceExternalId;
    }
}
