package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.Relationship;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.DealDatePosition;
import io.crmkit.spi.DuePosition;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.StageEntryPosition;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.task.Task;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads every item of a paged SPI method, slice after slice, each continuing after the last item of the one before,
 * and checks on the way what every slice promises: at most the limit, and not empty when it says more follow.
 */
final class SpiPaging {

    private static final int MAX_SLICES = 100_000;

    private SpiPaging() {
    }

    static List<Customer> customers(CrmStorage storage, TenantId tenant, CustomerQuery query, int limit) {
        return all("list of customers", limit, Customer::id,
                (after, n) -> storage.customers().list(tenant, query, after, n));
    }

    static List<Relationship> involving(CrmStorage storage, TenantId tenant, CustomerId customer, int limit) {
        return all("relationships involving " + customer, limit, Relationship::id,
                (after, n) -> storage.relationships().involving(tenant, customer, after, n));
    }

    static List<Touchpoint> timeline(CrmStorage storage, TenantId tenant, CustomerId customer, TimelineQuery query,
                                     int limit) {
        return all("timeline of " + customer, limit, TimelinePosition::of,
                (after, n) -> storage.touchpoints().timeline(tenant, customer, query, after, n));
    }

    static List<CustomerActivity> lapsed(CrmStorage storage, TenantId tenant, Instant cutoff, int limit) {
        return all("lapsed buyers before " + cutoff, limit,
                a -> new LapsedPosition(a.lastPurchaseAt(), a.customerId()),
                (after, n) -> storage.touchpoints().lapsedBuyers(tenant, cutoff, after, n));
    }

    static List<Lead> leads(CrmStorage storage, TenantId tenant, LeadQuery query, int limit) {
        return all("list of leads", limit, Lead::id, (after, n) -> storage.leads().list(tenant, query, after, n));
    }

    static List<LeadStatusChange> leadHistory(CrmStorage storage, TenantId tenant, LeadId lead, int limit) {
        return all("status history of " + lead, limit, LeadStatusChange::version,
                (after, n) -> storage.leads().history(tenant, lead, after == null ? 0 : after, n));
    }

    static List<Touchpoint> leadTimeline(CrmStorage storage, TenantId tenant, LeadId lead, TimelineQuery query,
                                         int limit) {
        return all("timeline of lead " + lead, limit, TimelinePosition::of,
                (after, n) -> storage.touchpoints().leadTimeline(tenant, lead, query, after, n));
    }

    static List<Pipeline> pipelines(CrmStorage storage, TenantId tenant, int limit) {
        return all("list of pipelines", limit, Pipeline::id, (after, n) -> storage.pipelines().list(tenant, after, n));
    }

    static List<DealHistoryEntry> history(CrmStorage storage, TenantId tenant, DealId deal, int limit) {
        return all("history of " + deal, limit, DealHistoryEntry::version,
                (before, n) -> storage.deals().history(tenant, deal, before, n));
    }

    static List<Deal> inStage(CrmStorage storage, TenantId tenant, PipelineId pipeline, StageId stage, int limit) {
        return all("deals in stage " + stage, limit, Deal::id,
                (after, n) -> storage.deals().inStage(tenant, pipeline, stage, after, n));
    }

    static List<Deal> ofOwner(CrmStorage storage, TenantId tenant, UserId owner, DealStatus status, int limit) {
        return all("deals of " + owner, limit, Deal::id,
                (after, n) -> storage.deals().ofOwner(tenant, owner, status, after, n));
    }

    static List<Deal> dealsOfCustomer(CrmStorage storage, TenantId tenant, CustomerId customer, int limit) {
        return all("deals of " + customer, limit, Deal::id,
                (after, n) -> storage.deals().ofCustomer(tenant, customer, after, n));
    }

    static List<Deal> byExpectedCloseDate(CrmStorage storage, TenantId tenant, LocalDate from, LocalDate to,
                                          DealStatus status, int limit) {
        return all("deals closing from " + from + " to " + to, limit, DealDatePosition::of,
                (after, n) -> storage.deals().byExpectedCloseDate(tenant, from, to, status, after, n));
    }

    static List<Deal> enteredStageBefore(CrmStorage storage, TenantId tenant, PipelineId pipeline, StageId stage,
                                         Instant before, int limit) {
        return all("deals that entered " + stage + " before " + before, limit, StageEntryPosition::of,
                (after, n) -> storage.deals().enteredStageBefore(tenant, pipeline, stage, before, after, n));
    }

    static List<Task> openTasks(CrmStorage storage, TenantId tenant, UserId assignee, Instant dueFrom,
                                Instant dueBefore, int limit) {
        return all("open tasks of " + assignee, limit, DuePosition::of,
                (after, n) -> storage.tasks().open(tenant, assignee, dueFrom, dueBefore, after, n));
    }

    static List<Task> tasksOfCustomer(CrmStorage storage, TenantId tenant, CustomerId customer, int limit) {
        return all("tasks of " + customer, limit, DuePosition::of,
                (after, n) -> storage.tasks().ofCustomer(tenant, customer, after, n));
    }

    static List<Task> tasksOfLead(CrmStorage storage, TenantId tenant, LeadId lead, int limit) {
        return all("tasks of " + lead, limit, DuePosition::of,
                (after, n) -> storage.tasks().ofLead(tenant, lead, after, n));
    }

    static List<Task> tasksOfDeal(CrmStorage storage, TenantId tenant, DealId deal, int limit) {
        return all("tasks of " + deal, limit, DuePosition::of,
                (after, n) -> storage.tasks().ofDeal(tenant, deal, after, n));
    }

    private static <T, P> List<T> all(String what, int limit, Function<T, P> position,
                                      BiFunction<P, Integer, Slice<T>> fetch) {
        List<T> all = new ArrayList<>();
        P after = null;
        for (int slices = 0; slices < MAX_SLICES; slices++) {
            Slice<T> slice = fetch.apply(after, limit);
            assertThat(slice.items().size()).as("a slice of the %s holds at most the limit %d", what, limit)
                    .isLessThanOrEqualTo(limit);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            assertThat(slice.items()).as("a slice of the %s that says more follow", what).isNotEmpty();
            after = position.apply(slice.items().get(slice.items().size() - 1));
        }
        throw new AssertionError("the " + what + " never ended");
    }
}
