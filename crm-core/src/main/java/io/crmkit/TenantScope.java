package io.crmkit;

import io.crmkit.customer.Customers;
import io.crmkit.internal.CrmRuntime;
import io.crmkit.internal.DefaultCustomers;
import io.crmkit.internal.DefaultLeads;
import io.crmkit.internal.DefaultTouchpoints;
import io.crmkit.lead.Leads;
import io.crmkit.shared.TenantId;
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

    TenantScope(CrmRuntime runtime, TenantId tenantId) {
        this.tenantId = tenantId;
        this.customers = new DefaultCustomers(runtime, tenantId);
        this.touchpoints = new DefaultTouchpoints(runtime, tenantId);
        this.leads = new DefaultLeads(runtime, tenantId);
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
}
