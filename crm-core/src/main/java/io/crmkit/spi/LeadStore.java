package io.crmkit.spi;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.touchpoint.SourceRef;
import java.util.List;
import java.util.Optional;

/**
 * Stores leads, their append-only status history, the capture source keys, the tenant's lead settings and the
 * sequences of assignment strategies. Every value of a {@link Lead} round-trips unchanged.
 */
public interface LeadStore {

    /**
     * Stores a new lead (version 1).
     *
     * @throws io.crmkit.shared.StorageException         if a lead with this id exists
     * @throws io.crmkit.shared.TenantViolationException if {@code lead.tenantId()} is not {@code tenant}
     */
    void insert(TenantId tenant, Lead lead);

    /**
     * Replaces a stored lead with {@code lead}, whose version must be exactly one more than the stored one.
     *
     * @throws io.crmkit.shared.ConcurrentModificationException if the stored version is not {@code lead.version() - 1}
     * @throws io.crmkit.shared.NotFoundException               if there is no such lead in {@code tenant}
     * @throws io.crmkit.shared.TenantViolationException        if {@code lead.tenantId()} is not {@code tenant}
     */
    void update(TenantId tenant, Lead lead);

    /** The lead, if it exists in {@code tenant}. */
    Optional<Lead> find(TenantId tenant, LeadId id);

    /**
     * Claims a capture's source key for {@code lead}: the idempotency key of capturing. Returns empty if the key was
     * free and now belongs to {@code lead}; otherwise the lead that holds it, and nothing changes. Must hold under
     * concurrency: two units of work claiming the same key give it to one (a unique key on (tenant, system,
     * external id), not a read-then-write). Called before the lead is inserted in the same unit of work (so no
     * foreign key to the lead, or a deferred one); several keys may belong to one lead (captures attached to it).
     */
    Optional<LeadId> claimSource(TenantId tenant, SourceRef source, LeadId lead);

    /** The lead that holds the source key, if any. */
    Optional<LeadId> findBySource(TenantId tenant, SourceRef source);

    /** The leads whose e-mail has the same {@link EmailAddress#matchKey()}, ordered by id. */
    List<Lead> findByEmail(TenantId tenant, EmailAddress email);

    /** The leads whose phone has the same E.164 form (extensions ignored), ordered by id. */
    List<Lead> findByPhone(TenantId tenant, PhoneNumber phone);

    /**
     * Leads matching {@code query}, ordered by id ascending (unsigned, see {@link io.crmkit.shared.Ids#compare}),
     * after {@code after} (null for the start), at most {@code limit}.
     */
    Slice<Lead> list(TenantId tenant, LeadQuery query, LeadId after, int limit);

    /**
     * Appends an entry to the lead's status history; entries are never changed or removed.
     *
     * @throws io.crmkit.shared.StorageException if the lead already has an entry with this version
     */
    void appendHistory(TenantId tenant, LeadStatusChange change);

    /**
     * The lead's status history, oldest first (by version), the entries with a version greater than
     * {@code afterVersion} (0 for the start), at most {@code limit}.
     */
    Slice<LeadStatusChange> history(TenantId tenant, LeadId lead, long afterVersion, int limit);

    /**
     * Advances the tenant's sequence called {@code name} and returns its new value: 1 the first time. Part of the
     * unit of work: a rollback undoes the advance. Concurrent units of work never get the same value.
     */
    long nextInSequence(TenantId tenant, String name);

    /** The tenant's own stored lead settings, if it stored any. */
    Optional<LeadSettings> settings(TenantId tenant);

    /** Stores the tenant's own lead settings, replacing any stored before. */
    void saveSettings(TenantId tenant, LeadSettings settings);
}
