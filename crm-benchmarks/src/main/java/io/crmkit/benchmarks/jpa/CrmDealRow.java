package io.crmkit.benchmarks.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * crmkit's deal table mapped read-only as a JPA entity, as a JPA application would map its deals (every column but
 * the stored weighted amount, which such an application computes): what the "load and aggregate in Java" side of the
 * pipeline-summary benchmark loads.
 */
@Entity
@Immutable
@Table(name = "crm_deal")
public class CrmDealRow {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "version")
    private long version;

    @Column(name = "name")
    private String name;

    @Column(name = "customer_id")
    private UUID customerId;

    @Column(name = "owner")
    private String owner;

    @Column(name = "amount")
    private BigDecimal amount;

    @Column(name = "currency")
    private String currency;

    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;

    @Column(name = "pipeline_id")
    private UUID pipelineId;

    @Column(name = "stage_id")
    private UUID stageId;

    @Column(name = "status")
    private String status;

    @Column(name = "probability")
    private int probability;

    @Column(name = "probability_overridden")
    private boolean probabilityOverridden;

    @Column(name = "stage_entered_at")
    private Instant stageEnteredAt;

    @Column(name = "source_lead_id")
    private UUID sourceLeadId;

    @Column(name = "campaign")
    private String campaign;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "lost_reason")
    private String lostReason;

    @Column(name = "lost_note")
    private String lostNote;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CrmDealRow() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getStageId() {
        return stageId;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public int getProbability() {
        return probability;
    }

    public String getStatus() {
        return status;
    }
}
