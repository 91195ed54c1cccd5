package io.crmkit.internal;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.lead.AssignmentContext;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.CaptureOutcome;
import io.crmkit.lead.CaptureResult;
import io.crmkit.lead.Condition;
import io.crmkit.lead.ConversionDealPort;
import io.crmkit.lead.ConversionRequest;
import io.crmkit.lead.ConversionResult;
import io.crmkit.lead.LeadDealOpening;
import io.crmkit.lead.DuplicatePolicy;
import io.crmkit.lead.FailedRule;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadAssigned;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadCaptured;
import io.crmkit.lead.LeadConversion;
import io.crmkit.lead.LeadConverted;
import io.crmkit.lead.LeadDisqualified;
import io.crmkit.lead.LeadQualified;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadScore;
import io.crmkit.lead.LeadScored;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.lead.LeadStatusChanged;
import io.crmkit.lead.Leads;
import io.crmkit.lead.PossibleDuplicates;
import io.crmkit.lead.QualificationLevel;
import io.crmkit.lead.QualificationOutcome;
import io.crmkit.lead.RecomputeSummary;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.shared.Violations;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** {@link Leads} of one tenant. */
public final class DefaultLeads implements Leads {

    private static final int TOUCHPOINT_PAGE = 500;

    private final CrmRuntime rt;
    private final TenantId tenant;
    private final ConversionDealPort deals;
    private final DefaultCustomers customers;

    public DefaultLeads(CrmRuntime rt, TenantId tenant) {
        this(rt, tenant, new PipelineDealPort(new DefaultDeals(rt, tenant)));
    }

    /** With {@code deals} as the port that opens a conversion's deal. */
    public DefaultLeads(CrmRuntime rt, TenantId tenant, ConversionDealPort deals) {
        this.rt = rt;
        this.tenant = tenant;
        this.deals = Objects.requireNonNull(deals, "deals");
        this.customers = new DefaultCustomers(rt, tenant);
    }

    /** The lead store, asked for per call: adapters without lead support refuse only when leads are used. */
    private LeadStore store() {
        return rt.storage().leads();
    }

    // ---------------------------------------------------------------------------------------------- capture

    @Override
    public CaptureResult capture(LeadCapture capture) {
        Violations violations = new Violations();
        rt.validator().validate("capture", capture, "", violations);
        Instant now = rt.now();
        LeadId id = new LeadId(rt.ids().next());
        Lead draft = capture == null || capture.source() == null ? null
                : violations.captureNested("", () -> Lead.capture(id, tenant, capture, rt.defaultRegion(), now));
        violations.throwIfAny();
        DuplicatePolicy policy = capture.duplicatePolicy() != null ? capture.duplicatePolicy()
                : rt.leadDefaults().duplicatePolicy();
        LeadSettings settings = settings();
        return rt.write(tenant, events -> {
            LeadStore store = store();
            if (draft.sourceRef() != null) {
                Optional<LeadId> earlier = store.findBySource(tenant, draft.sourceRef());
                if (earlier.isPresent()) {
                    return duplicateDelivery(earlier.get());
                }
            }
            List<Customer> matchedCustomers = matchingCustomers(draft.email(), draft.phone(), false);
            List<Lead> matchedLeads = matchingOpenLeads(draft);
            List<CustomerId> customerIds = matchedCustomers.stream().map(Customer::id).toList();
            List<LeadId> leadIds = matchedLeads.stream().map(Lead::id).toList();
            boolean matched = !customerIds.isEmpty() || !leadIds.isEmpty();

            if (matched && policy == DuplicatePolicy.ATTACH && !matchedLeads.isEmpty()) {
                Lead target = matchedLeads.get(0);
                if (draft.sourceRef() != null) {
                    Optional<LeadId> holder = store.claimSource(tenant, draft.sourceRef(), target.id());
                    if (holder.isPresent()) {
                        return duplicateDelivery(holder.get());
                    }
                }
                Lead attached = target.withLastTouch(draft.lastTouch(), now);
                store.update(tenant, attached);
                events.add(new LeadCaptured(events.nextId(), tenant, attached.id(), now,
                        CaptureOutcome.ATTACHED_TO_LEAD, draft.lastTouch().source().channel(),
                        draft.lastTouch().source().campaign()));
                return new CaptureResult(attached, CaptureOutcome.ATTACHED_TO_LEAD, customerIds, leadIds);
            }
            if (draft.sourceRef() != null) {
                Optional<LeadId> holder = store.claimSource(tenant, draft.sourceRef(), draft.id());
                if (holder.isPresent()) {
                    return duplicateDelivery(holder.get());
                }
            }
            Lead lead = draft;
            Customer related = null;
            CaptureOutcome outcome = CaptureOutcome.CREATED;
            if (matched && policy == DuplicatePolicy.ATTACH) {
                related = matchedCustomers.get(0);
                lead = lead.toBuilder().customerId(related.id()).build();
                outcome = CaptureOutcome.ATTACHED_TO_CUSTOMER;
            } else if (matched) {
                lead = lead.toBuilder().possibleDuplicates(new PossibleDuplicates(customerIds, leadIds)).build();
                outcome = CaptureOutcome.FLAGGED_POSSIBLE_DUPLICATE;
            }
            if (lead.owner() == null) {
                Optional<UserId> owner = rt.leadDefaults().assignment().assign(lead, context(related));
                if (owner != null && owner.isPresent()) {
                    lead = lead.toBuilder().owner(owner.get()).build();
                }
            }
            LeadScore score = settings.scoring().score(lead, related, List.of(), now);
            lead = lead.toBuilder().score(score.total()).scoredAt(now).build();
            boolean mql = settings.marketingQualification().isConfigured() && settings.marketingQualification()
                    .failures(lead, Condition.Facts.of(lead, related)).isEmpty();
            if (mql) {
                lead = lead.toBuilder().qualification(QualificationLevel.MARKETING_QUALIFIED).build();
            }
            store.insert(tenant, lead);
            store.appendHistory(tenant, new LeadStatusChange(lead.id(), lead.version(), now, null, null,
                    LeadStatus.NEW, null));
            events.add(new LeadCaptured(events.nextId(), tenant, lead.id(), now, outcome,
                    lead.firstTouch().source().channel(), lead.firstTouch().source().campaign()));
            if (lead.owner() != null) {
                events.add(new LeadAssigned(events.nextId(), tenant, lead.id(), now, null, lead.owner(), null));
            }
            if (score.total().signum() != 0) {
                events.add(new LeadScored(events.nextId(), tenant, lead.id(), now, zero(), score.total(), now));
            }
            if (mql) {
                events.add(new LeadQualified(events.nextId(), tenant, lead.id(), now,
                        QualificationLevel.MARKETING_QUALIFIED, null));
                followLifecycle(lead.customerId(), QualificationLevel.MARKETING_QUALIFIED);
            }
            return new CaptureResult(lead, outcome, customerIds, leadIds);
        });
    }

    private CaptureResult duplicateDelivery(LeadId earlier) {
        Lead lead = store().find(tenant, earlier)
                .orElseThrow(() -> new IllegalStateException("the source key of a capture names lead " + earlier
                        + ", which the storage does not have"));
        return new CaptureResult(lead, CaptureOutcome.DUPLICATE_DELIVERY, List.of(), List.of());
    }

    /** Active customers (persons only if {@code personsOnly}) with the e-mail or phone, ordered by id. */
    private List<Customer> matchingCustomers(EmailAddress email, PhoneNumber phone, boolean personsOnly) {
        TreeMap<CustomerId, Customer> found = new TreeMap<>();
        if (email != null) {
            rt.storage().customers().findByEmail(tenant, email).forEach(c -> found.put(c.id(), c));
        }
        if (phone != null) {
            rt.storage().customers().findByPhone(tenant, phone).forEach(c -> found.put(c.id(), c));
        }
        return found.values().stream()
                .filter(c -> !c.isArchived() && (!personsOnly || c.kind() == CustomerKind.PERSON)).toList();
    }

    /** Open leads other than {@code lead} with its e-mail or phone, ordered by id. */
    private List<Lead> matchingOpenLeads(Lead lead) {
        TreeMap<LeadId, Lead> found = new TreeMap<>();
        if (lead.email() != null) {
            store().findByEmail(tenant, lead.email()).forEach(l -> found.put(l.id(), l));
        }
        if (lead.phone() != null) {
            store().findByPhone(tenant, lead.phone()).forEach(l -> found.put(l.id(), l));
        }
        return found.values().stream().filter(l -> l.isOpen() && !l.id().equals(lead.id())).toList();
    }

    private AssignmentContext context(Customer related) {
        return new AssignmentContext() {
            @Override
            public long nextInSequence(String name) {
                if (name == null || name.isBlank() || name.length() > 100) {
                    throw InvalidInputException.of("sequence", "a sequence name is 1 to 100 characters");
                }
                return store().nextInSequence(tenant, name);
            }

            @Override
            public Optional<Customer> customer() {
                return Optional.ofNullable(related);
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- reads

    @Override
    public Optional<Lead> find(LeadId id) {
        requireId(id);
        return store().find(tenant, id);
    }

    @Override
    public Lead get(LeadId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Lead", id));
    }

    @Override
    public List<Lead> findByEmail(String email) {
        return store().findByEmail(tenant, EmailAddress.parse(email));
    }

    @Override
    public List<Lead> findByPhone(String phone) {
        return store().findByPhone(tenant, PhoneNumber.parse(phone, rt.defaultRegion()));
    }

    @Override
    public Page<Lead> list(LeadQuery query, PageRequest page) {
        if (query == null) {
            throw InvalidInputException.of("query", "must not be null");
        }
        String scope = "leads|" + tenant + "|" + query;
        return Paging.page(rt.cursors(), scope, page,
                buffer -> new LeadId(CursorCodec.getUuid(buffer)),
                (after, limit) -> store().list(tenant, query, after, limit),
                lead -> DefaultCustomers.uuidBytes(lead.id().value()));
    }

    @Override
    public Page<LeadStatusChange> history(LeadId id, PageRequest page) {
        get(id);
        String scope = "leadHistory|" + tenant + "|" + id;
        return Paging.page(rt.cursors(), scope, page,
                ByteBuffer::getLong,
                (after, limit) -> store().history(tenant, id, after == null ? 0 : after, limit),
                change -> ByteBuffer.allocate(8).putLong(change.version()).array());
    }

    // ---------------------------------------------------------------------------------------------- status

    @Override
    public Lead assign(LeadId id, UserId owner, UserId by) {
        requireId(id);
        if (owner == null) {
            throw InvalidInputException.of("owner", "must not be null");
        }
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            if (owner.equals(lead.owner())) {
                return lead;
            }
            Instant now = rt.now();
            Lead assigned = lead.assignTo(owner, now);
            store().update(tenant, assigned);
            events.add(new LeadAssigned(events.nextId(), tenant, id, now, lead.owner(), owner, by));
            return assigned;
        });
    }

    @Override
    public Lead moveTo(LeadId id, LeadStatus target, UserId by, String note) {
        requireId(id);
        Violations violations = new Violations();
        if (target == null) {
            violations.add("target", "must not be null");
        }
        checkNote(note, violations);
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            if (lead.status() == target && (target == LeadStatus.WORKING || target == LeadStatus.NURTURING)) {
                return lead;
            }
            Instant now = rt.now();
            Lead moved = lead.moveTo(target, now);
            saveStatusChange(lead, moved, by, note, now, events);
            return moved;
        });
    }

    @Override
    public Lead disqualify(LeadId id, String reason, UserId by) {
        requireId(id);
        LeadSettings settings = settings();
        String configured = settings.reason(reason).orElseThrow(() -> InvalidInputException.of("reason",
                "'" + reason + "' is not one of the tenant's disqualification reasons "
                        + settings.disqualificationReasons()));
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            Instant now = rt.now();
            Lead disqualified = lead.disqualify(configured, now);
            saveStatusChange(lead, disqualified, by, configured, now, events);
            events.add(new LeadDisqualified(events.nextId(), tenant, id, now, configured, by));
            return disqualified;
        });
    }

    @Override
    public Lead recycle(LeadId id, UserId by, String note) {
        requireId(id);
        Violations violations = new Violations();
        checkNote(note, violations);
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            Instant now = rt.now();
            Lead recycled = lead.recycle(now);
            saveStatusChange(lead, recycled, by, note, now, events);
            return recycled;
        });
    }

    private void saveStatusChange(Lead before, Lead after, UserId by, String reason, Instant now, EventBuffer events) {
        store().update(tenant, after);
        LeadStatusChange change = new LeadStatusChange(after.id(), after.version(), now, by, before.status(),
                after.status(), reason == null || reason.isBlank() ? null : reason);
        store().appendHistory(tenant, change);
        events.add(new LeadStatusChanged(events.nextId(), tenant, after.id(), now, change.from(), change.to(), by,
                change.reason()));
    }

    private static void checkNote(String note, Violations violations) {
        if (note != null && (note.isBlank() || note.strip().length() > 500)) {
            violations.add("note", "must be 1 to 500 characters, or null");
        }
    }

    // ---------------------------------------------------------------------------------------------- qualification

    @Override
    public QualificationOutcome qualifyForMarketing(LeadId id) {
        requireId(id);
        LeadSettings settings = settings();
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            requireOpen(lead, "qualify");
            Instant now = rt.now();
            Rescored rescored = rescore(lead, settings, now, events);
            Lead current = rescored.lead();
            if (current.qualification() != QualificationLevel.NONE) {
                return new QualificationOutcome.Qualified(current, QualificationLevel.MARKETING_QUALIFIED,
                        rescored.newlyMarketingQualified());
            }
            List<FailedRule> failures = settings.marketingQualification()
                    .failures(current, Condition.Facts.of(current, rescored.customer()));
            return new QualificationOutcome.Refused(current, QualificationLevel.MARKETING_QUALIFIED, failures);
        });
    }

    @Override
    public QualificationOutcome acceptAsSalesQualified(LeadId id, UserId salesUser, BantChecklist checklist) {
        requireId(id);
        Violations violations = new Violations();
        if (salesUser == null) {
            violations.add("salesUser", "must not be null: a sales user accepts the lead");
        }
        if (checklist == null) {
            violations.add("checklist", "must not be null");
        }
        violations.throwIfAny();
        LeadSettings settings = settings();
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            requireOpen(lead, "qualify");
            if (lead.status() == LeadStatus.QUALIFIED) {
                return new QualificationOutcome.Qualified(lead, QualificationLevel.SALES_QUALIFIED, false);
            }
            List<FailedRule> failures = settings.salesQualification().failures(lead, checklist);
            if (!failures.isEmpty()) {
                return new QualificationOutcome.Refused(lead, QualificationLevel.SALES_QUALIFIED, failures);
            }
            Instant now = rt.now();
            Lead accepted = lead.acceptAsSalesQualified(checklist, now);
            saveStatusChange(lead, accepted, salesUser, null, now, events);
            events.add(new LeadQualified(events.nextId(), tenant, id, now, QualificationLevel.SALES_QUALIFIED,
                    salesUser));
            followLifecycle(accepted.customerId(), QualificationLevel.SALES_QUALIFIED);
            return new QualificationOutcome.Qualified(accepted, QualificationLevel.SALES_QUALIFIED, true);
        });
    }

    /** Moves the related customer's lifecycle forward to the level's stage; a refusal (it is further) is fine. */
    private void followLifecycle(CustomerId customerId, QualificationLevel level) {
        if (customerId == null) {
            return;
        }
        Optional<Customer> customer = rt.storage().customers().find(tenant, customerId);
        if (customer.isPresent() && !customer.get().isArchived()) {
            customers.advanceLifecycle(customerId, level.lifecycleStage());
        }
    }

    private static void requireOpen(Lead lead, String action) {
        if (!lead.isOpen()) {
            throw new IllegalTransitionException("Lead", lead.id(), "cannot " + action + " a " + lead.status()
                    + " lead");
        }
    }

    // ---------------------------------------------------------------------------------------------- scoring

    @Override
    public LeadScore score(LeadId id) {
        requireId(id);
        LeadSettings settings = settings();
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            if (lead.status() == LeadStatus.CONVERTED) {
                throw new IllegalTransitionException("Lead", id, "is CONVERTED: its history is the customer's now,"
                        + " and it is no longer scored");
            }
            return rescore(lead, settings, rt.now(), events).score();
        });
    }

    @Override
    public RecomputeSummary recomputeScores(int pageSize) {
        if (pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
            throw InvalidInputException.of("pageSize", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        LeadSettings settings = settings();
        Instant now = rt.now();
        long[] counts = new long[3];
        LeadId after = null;
        while (true) {
            Slice<Lead> slice = store().list(tenant, LeadQuery.OPEN, after, pageSize);
            if (slice.items().isEmpty()) {
                break;
            }
            rt.write(tenant, events -> {
                for (Lead listed : slice.items()) {
                    Optional<Lead> current = store().find(tenant, listed.id());
                    if (current.isEmpty() || !current.get().isOpen()) {
                        continue;
                    }
                    Rescored rescored = rescore(current.get(), settings, now, events);
                    counts[0]++;
                    counts[1] += rescored.changed() ? 1 : 0;
                    counts[2] += rescored.newlyMarketingQualified() ? 1 : 0;
                }
                return null;
            });
            if (!slice.hasMore()) {
                break;
            }
            after = slice.items().get(slice.items().size() - 1).id();
        }
        return new RecomputeSummary(now, counts[0], counts[1], counts[2]);
    }

    private record Rescored(Lead lead, Customer customer, LeadScore score, boolean changed,
                            boolean newlyMarketingQualified) {
    }

    /**
     * Scores {@code lead} at {@code now}; stores the score if it changed (or the lead was never scored) and
     * marketing-qualifies an open, unqualified lead whose rule now holds, in one save.
     */
    private Rescored rescore(Lead lead, LeadSettings settings, Instant now, EventBuffer events) {
        Customer customer = lead.customerId() == null ? null
                : rt.storage().customers().find(tenant, lead.customerId()).orElse(null);
        List<Touchpoint> touchpoints = settings.scoring().needsTouchpoints()
                ? touchpoints(lead.id(), settings.scoring().windowStart(now), now) : List.of();
        LeadScore score = settings.scoring().score(lead, customer, touchpoints, now);
        BigDecimal previous = lead.score() == null ? zero() : lead.score();
        boolean changed = score.total().compareTo(previous) != 0;
        Lead next = lead;
        if (changed || lead.score() == null) {
            next = lead.withScore(score.total(), now, now);
        }
        boolean mql = next.isOpen() && next.qualification() == QualificationLevel.NONE
                && settings.marketingQualification().isConfigured()
                && settings.marketingQualification().failures(next, Condition.Facts.of(next, customer)).isEmpty();
        if (mql) {
            next = next == lead ? lead.markMarketingQualified(now)
                    : next.toBuilder().qualification(QualificationLevel.MARKETING_QUALIFIED).build();
        }
        if (next != lead) {
            store().update(tenant, next);
        }
        if (changed) {
            events.add(new LeadScored(events.nextId(), tenant, lead.id(), now, previous, score.total(), now));
        }
        if (mql) {
            events.add(new LeadQualified(events.nextId(), tenant, lead.id(), now,
                    QualificationLevel.MARKETING_QUALIFIED, null));
            followLifecycle(next.customerId(), QualificationLevel.MARKETING_QUALIFIED);
        }
        return new Rescored(next, customer, score, changed, mql);
    }

    /** The lead's touchpoints that occurred in [from, at], read page by page. */
    private List<Touchpoint> touchpoints(LeadId lead, Instant from, Instant at) {
        TimelineQuery window = TimelineQuery.ALL.between(from, at.plus(1, ChronoUnit.MICROS));
        List<Touchpoint> all = new ArrayList<>();
        TimelinePosition after = null;
        while (true) {
            Slice<Touchpoint> slice = rt.storage().touchpoints().leadTimeline(tenant, lead, window, after,
                    TOUCHPOINT_PAGE);
            all.addAll(slice.items());
            if (!slice.hasMore() || slice.items().isEmpty()) {
                return all;
            }
            after = TimelinePosition.of(slice.items().get(slice.items().size() - 1));
        }
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(Lead.SCORE_SCALE);
    }

    // ---------------------------------------------------------------------------------------------- conversion

    @Override
    public ConversionResult convert(LeadId id, ConversionRequest request) {
        requireId(id);
        rt.validator().validate("request", request);
        return rt.write(tenant, events -> {
            Lead lead = get(id);
            UserId dealOwner = lead.owner() != null ? lead.owner() : request.by();
            if (lead.status() != LeadStatus.CONVERTED && request.deal() != null) {
                if (dealOwner == null) {
                    throw InvalidInputException.of("deal.owner", "a deal needs an owner: the lead has none, so give"
                            + " the converting user with ConversionRequest.builder().by(...)");
                }
            }
            if (lead.status() == LeadStatus.CONVERTED) {
                return new ConversionResult(lead, lead.conversion(), true);
            }
            if (lead.status() != LeadStatus.QUALIFIED) {
                throw new IllegalTransitionException("Lead", id, "only a QUALIFIED (sales-accepted) lead is"
                        + " converted; this one is " + lead.status());
            }
            Instant now = rt.now();
            List<String> written = new ArrayList<>();

            Customer person = matchPerson(lead);
            boolean personCreated = person == null;
            person = personCreated ? createPerson(lead, request, written)
                    : fillPerson(person, lead, request.overwrite(), written);

            CustomerId organisationId = null;
            boolean organisationCreated = false;
            RelationshipId worksAt = null;
            if (request.createOrganisation()) {
                Customer organisation = matchOrganisation(lead);
                organisationCreated = organisation == null;
                organisation = organisationCreated ? createOrganisation(lead, written)
                        : fillOrganisation(organisation, lead, request.overwrite(), written);
                organisationId = organisation.id();
                Relationship relationship = customers.relate(person.id(), RelationshipType.WORKS_AT, organisationId);
                worksAt = relationship.id();
            }

            customers.advanceLifecycle(person.id(), LifecycleStage.SALES_QUALIFIED);
            long moved = rt.storage().touchpoints().moveLeadTouchpoints(tenant, id, person.id());

            DealId dealId = null;
            if (request.deal() != null) {
                String name = request.deal().title() != null ? request.deal().title()
                        : lead.company() != null ? lead.company() + " – " + lead.displayName() : lead.displayName();
                dealId = deals.open(new LeadDealOpening(tenant, person.id(), id, name, dealOwner, request.by(),
                        lead.lastTouch().source().campaign(), request.deal()));
                if (dealId == null) {
                    throw new IllegalStateException("the deal port returned no deal id");
                }
            }

            LeadConversion conversion = new LeadConversion(person.id(), personCreated, organisationId,
                    organisationCreated, worksAt, dealId, written, moved, now, request.by());
            Lead converted = lead.convert(conversion, now);
            saveStatusChange(lead, converted, request.by(), null, now, events);
            events.add(new LeadConverted(events.nextId(), tenant, id, now, person.id(), personCreated,
                    organisationId, dealId, request.by()));
            return new ConversionResult(converted, conversion, false);
        });
    }

    /** The related customer if it is an active person, else the first active person with the e-mail, else phone. */
    private Customer matchPerson(Lead lead) {
        if (lead.customerId() != null) {
            Optional<Customer> related = rt.storage().customers().find(tenant, lead.customerId());
            if (related.isPresent() && !related.get().isArchived() && related.get().kind() == CustomerKind.PERSON) {
                return related.get();
            }
        }
        if (lead.email() != null) {
            List<Customer> byEmail = matchingCustomers(lead.email(), null, true);
            if (!byEmail.isEmpty()) {
                return byEmail.get(0);
            }
        }
        if (lead.phone() != null) {
            List<Customer> byPhone = matchingCustomers(null, lead.phone(), true);
            if (!byPhone.isEmpty()) {
                return byPhone.get(0);
            }
        }
        return null;
    }

    private Customer createPerson(Lead lead, ConversionRequest request, List<String> written) {
        String given = lead.givenName();
        String family = lead.familyName();
        if (given == null && family == null) {
            given = request.givenName();
            family = request.familyName();
        }
        if (given == null && family == null) {
            throw InvalidInputException.of("givenName", "the lead has no name, and a new person customer needs one:"
                    + " give it with ConversionRequest.builder().personName(...)");
        }
        CustomerRegistration.Builder registration = CustomerRegistration.person(given, family);
        addIf(written, "givenName", given);
        addIf(written, "familyName", family);
        if (lead.jobTitle() != null) {
            registration.jobTitle(lead.jobTitle());
            written.add("jobTitle");
        }
        if (lead.email() != null) {
            registration.email(lead.email().value());
            written.add("emails");
        }
        if (lead.phone() != null) {
            registration.phone(phoneText(lead.phone()));
            written.add("phones");
        }
        for (Map.Entry<String, AttributeValue> attribute : lead.attributes().entrySet()) {
            registration.attribute(attribute.getKey(), attribute.getValue());
            written.add("attributes." + attribute.getKey());
        }
        if (lead.owner() != null) {
            registration.owner(lead.owner());
            written.add("owner");
        }
        return customers.register(registration.build());
    }

    private Customer fillPerson(Customer customer, Lead lead, boolean overwrite, List<String> written) {
        CustomerPatch.Builder patch = CustomerPatch.builder();
        int before = written.size();
        map(lead.givenName(), customer.person().givenName(), overwrite, "givenName", patch::givenName, written);
        map(lead.familyName(), customer.person().familyName(), overwrite, "familyName", patch::familyName, written);
        map(lead.jobTitle(), customer.person().jobTitle(), overwrite, "jobTitle", patch::jobTitle, written);
        if (lead.email() != null && !customer.hasEmail(lead.email())) {
            patch.addEmail(lead.email().value());
            written.add("emails");
        }
        if (lead.phone() != null && !customer.hasPhone(lead.phone())) {
            patch.addPhone(phoneText(lead.phone()));
            written.add("phones");
        }
        for (Map.Entry<String, AttributeValue> attribute : lead.attributes().entrySet()) {
            AttributeValue existing = customer.attributes().get(attribute.getKey());
            if (existing == null || (overwrite && !existing.equals(attribute.getValue()))) {
                patch.attribute(attribute.getKey(), attribute.getValue());
                written.add("attributes." + attribute.getKey());
            }
        }
        map(lead.owner(), customer.owner(), overwrite, "owner", patch::owner, written);
        if (written.size() == before) {
            return customer;
        }
        return customers.update(customer.id(), customer.version(), patch.build());
    }

    /** The first active organisation with the lead's company domain, else with its company name. */
    private Customer matchOrganisation(Lead lead) {
        if (lead.company() == null && lead.companyDomain() == null) {
            throw InvalidInputException.of("createOrganisation", "the lead has no company (name or domain) to"
                    + " convert into an organisation");
        }
        List<Customer> candidates = rt.storage().customers().findOrganisations(tenant, lead.companyDomain(),
                lead.company());
        if (lead.companyDomain() != null) {
            for (Customer candidate : candidates) {
                if (lead.companyDomain().equals(candidate.organisation().domain())) {
                    return candidate;
                }
            }
        }
        return candidates.stream().filter(c -> lead.company() != null
                && c.organisation().name().equalsIgnoreCase(lead.company())).findFirst().orElse(null);
    }

    private Customer createOrganisation(Lead lead, List<String> written) {
        String name = lead.company() != null ? lead.company() : lead.companyDomain();
        CustomerRegistration.Builder registration = CustomerRegistration.organisation(name);
        written.add("organisation.name");
        if (lead.companyDomain() != null) {
            registration.domain(lead.companyDomain());
            written.add("organisation.domain");
        }
        return customers.register(registration.build());
    }

    private Customer fillOrganisation(Customer organisation, Lead lead, boolean overwrite, List<String> written) {
        CustomerPatch.Builder patch = CustomerPatch.builder();
        int before = written.size();
        map(lead.companyDomain(), organisation.organisation().domain(), overwrite, "organisation.domain",
                patch::domain, written);
        if (written.size() == before) {
            return organisation;
        }
        return customers.update(organisation.id(), organisation.version(), patch.build());
    }

    private static <T> void map(T leadValue, T customerValue, boolean overwrite, String field,
                                Consumer<T> set, List<String> written) {
        if (leadValue != null && (customerValue == null || (overwrite && !leadValue.equals(customerValue)))) {
            set.accept(leadValue);
            written.add(field);
        }
    }

    private static void addIf(List<String> written, String field, Object value) {
        if (value != null) {
            written.add(field);
        }
    }

    private static String phoneText(PhoneNumber phone) {
        return phone.extension() == null ? phone.e164() : phone.e164() + " ext. " + phone.extension();
    }

    // ---------------------------------------------------------------------------------------------- settings

    @Override
    public LeadSettings settings() {
        return store().settings(tenant).orElse(rt.leadDefaults().settings());
    }

    @Override
    public void configure(LeadSettings settings) {
        if (settings == null) {
            throw InvalidInputException.of("settings", "must not be null");
        }
        rt.write(tenant, events -> {
            store().saveSettings(tenant, settings);
            return null;
        });
    }

    private static void requireId(LeadId id) {
        if (id == null) {
            throw InvalidInputException.of("leadId", "must not be null");
        }
    }
}
