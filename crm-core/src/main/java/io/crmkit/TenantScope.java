package io.crmkit;

import io.crmkit.customer.Customers;
import io.crmkit.internal.CrmRuntime;
import io.crmkit.internal.DefaultCustomers;
import io.crmkit.internal.DefaultDeals;
import io.crmkit.internal.DefaultLeads;
import io.crmkit.internal.DefaultPipelines;
import io.crmkit.internal.DefaultTasks;
import io.crmkit.internal.DefaultTouchpoints;
import io.crmkit.lead.Leads;
import io.crmkit.pipeline.Deals;
import io.crmkit.pipeline.Pipelines;
import io.crmkit.shared.TenantId;
import io.crmkit.task.Tasks;
import io.crmkit.touchpoint.Touchpoints;

/**
 * Everything of one tenant: every call made through a scope reads and writes only that tenant's data. Obtained from
 * {@link Crm#tenant(TenantId)}; cheap to create, immutable and thread-safe.
 */
public final class TenantScope {

    private final TenantId tenantId;
    private final Customers customers;
    private final Touchpoints touchpoints;
    private final Leads leads;
    private final Pipelines pipelines;
    private final Deals deals;
    private final Tasks tasks;

    TenantScope(CrmRuntime runtime, TenantId tenantId) {
        this.tenantId = tenantId;
        this.customers = new DefaultCustomers(runtime, tenantId);
        this.touchpoints = new DefaultTouchpoints(runtime, tenantId);
        this.leads = new DefaultLeads(runtime, tenantId);
        this.pipelines = new DefaultPipelines(runtime, tenantId);
        this.deals = new DefaultDeals(runtime, tenantId);
        this.tasks = new DefaultTasks(runtime, tenantId);
    }

    /** The tenant of this scope. */
    public TenantId tenantId() {
        return tenantId;
    }

    /** The tenant's customers and their relationships. */
    public Customers customers() {
        return customers;
    }

    /** The tenant's touchpoints, timelines and activity. */
    public Touchpoints touchpoints() {
        return touchpoints;
    }

    /** The tenant's leads: capture, qualification, scoring and conversion. */
    public Leads leads() {
        return leads;
    }

    /** The tenant's pipelines, default pipeline and lost reasons. */
    public Pipelines pipelines() {
        return pipelines;
    }

    /** The tenant's deals, their stage histories, the board and the pipeline figures. */
    public Deals deals() {
        return deals;
    }

    /** The tenant's tasks: follow-ups and reminders. */
    public Tasks tasks() {
        return tasks;
    }
}
