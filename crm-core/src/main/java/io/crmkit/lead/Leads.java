package io.crmkit.lead;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The leads of one tenant: capture, assignment, status, qualification, scoring and conversion. Obtained from
 * {@code crm.leads()} (default tenant) or {@code crm.tenant(id).leads()}.
 *
 * <p>Every method validates its input first and refuses bad input with an {@link InvalidInputException} listing
 * every problem, before anything is stored. Every change runs in one unit of work and publishes its events
 * ({@link LeadCaptured}, {@link LeadAssigned}, {@link LeadStatusChanged}, {@link LeadQualified},
 * {@link LeadDisqualified}, {@link LeadScored}, {@link LeadConverted}) after it committed. A transition the rules
 * never allow fails with {@link IllegalTransitionException} saying why; a lead that does not qualify is a
 * {@link QualificationOutcome.Refused} value. Changes read the lead's current version and save with an optimistic
 * check: a concurrent change in between fails with {@link ConcurrentModificationException}.
 */
public interface Leads {

    /**
     * Captures a lead. Idempotent on the capture's source reference: the same (system, external id) captured again
     * returns the first result's lead as {@link CaptureOutcome#DUPLICATE_DELIVERY} and changes nothing. An active
     * customer or open lead with the same normalised e-mail or phone is handled by the {@link DuplicatePolicy}
     * (the capture's, else the {@code Crm}'s default); the result says what happened. A new lead gets the
     * capture's owner, else the assignment strategy's; it is scored at once, and marketing-qualified if the
     * tenant's MQL rule holds.
     *
     * @throws InvalidInputException listing every problem of the capture (invalid e-mail or phone, no name, e-mail
     *                               or phone, bad attribute keys, ...)
     */
    CaptureResult capture(LeadCapture capture);

    /** The lead with {@code id}, if it exists in this tenant. */
    Optional<Lead> find(LeadId id);

    /**
     * The lead with {@code id}.
     *
     * @throws NotFoundException if it does not exist in this tenant
     */
    Lead get(LeadId id);

    /**
     * The leads with {@code email}, compared case-insensitively after normalisation, ordered by id.
     *
     * @throws InvalidInputException if it is not an e-mail address crmkit accepts
     */
    List<Lead> findByEmail(String email);

    /**
     * The leads with {@code phone}, compared in E.164 form (read in the default region), ordered by id.
     *
     * @throws InvalidInputException if it cannot be parsed
     */
    List<Lead> findByPhone(String phone);

    /** A page of the leads matching {@code query}, ordered by id. */
    Page<Lead> list(LeadQuery query, PageRequest page);

    /**
     * A page of the lead's status history, oldest first.
     *
     * @throws NotFoundException if the lead does not exist
     */
    Page<LeadStatusChange> history(LeadId id, PageRequest page);

    /**
     * Assigns the lead to {@code owner} (reassigning it if it had one). Assigning it to its current owner changes
     * nothing.
     *
     * @param by the user making the change, or null
     * @throws NotFoundException          if the lead does not exist
     * @throws IllegalTransitionException if it is converted or disqualified
     */
    Lead assign(LeadId id, UserId owner, UserId by);

    /**
     * Moves the lead to {@link LeadStatus#WORKING} or {@link LeadStatus#NURTURING}, forward only; a move to its
     * current status changes nothing. The other statuses have their own operations.
     *
     * @param by   the user making the change, or null
     * @param note why, or null
     * @throws NotFoundException          if the lead does not exist
     * @throws IllegalTransitionException if the move is not allowed (see {@link LeadStatus})
     */
    Lead moveTo(LeadId id, LeadStatus target, UserId by, String note);

    /**
     * Disqualifies an open lead for {@code reason}, which must be one of the tenant's
     * {@linkplain LeadSettings#disqualificationReasons() reasons} (compared ignoring case).
     *
     * @throws InvalidInputException      if the reason is not configured (the message lists the configured ones)
     * @throws NotFoundException          if the lead does not exist
     * @throws IllegalTransitionException if it is converted or already disqualified
     */
    Lead disqualify(LeadId id, String reason, UserId by);

    /**
     * Brings a disqualified lead back to {@link LeadStatus#NURTURING}; its qualification starts again from none.
     *
     * @throws NotFoundException          if the lead does not exist
     * @throws IllegalTransitionException if it is not disqualified
     */
    Lead recycle(LeadId id, UserId by, String note);

    /**
     * Scores the lead now (see {@link #score}) and marketing-qualifies it if the tenant's MQL rule holds. A lead
     * already marketing- or sales-qualified is returned as {@link QualificationOutcome.Qualified} with
     * {@code newlyQualified} false.
     *
     * @return qualified, or refused with every part of the rule that failed
     * @throws NotFoundException          if the lead does not exist
     * @throws IllegalTransitionException if it is converted or disqualified
     */
    QualificationOutcome qualifyForMarketing(LeadId id);

    /**
     * A sales user accepts the lead: if the tenant's {@link SalesQualificationPolicy} is met by {@code checklist},
     * the lead becomes {@link LeadStatus#QUALIFIED} and sales-qualified, and its related customer's lifecycle moves
     * (forward only) to SALES_QUALIFIED. An already QUALIFIED lead is returned unchanged, {@code newlyQualified}
     * false.
     *
     * @return qualified, or refused with every rule that failed (nothing changes then)
     * @throws InvalidInputException      if the sales user or the checklist is missing
     * @throws NotFoundException          if the lead does not exist
     * @throws IllegalTransitionException if it is converted or disqualified
     */
    QualificationOutcome acceptAsSalesQualified(LeadId id, UserId salesUser, BantChecklist checklist);

    /**
     * Computes the lead's score now with the tenant's model (its touchpoints within the model's window), stores it
     * with the instant if it differs from the stored one (or none was stored), and marketing-qualifies an open, unqualified lead whose MQL rule now holds. Publishes
     * {@link LeadScored} only if the score changed.
     *
     * @return the score with every rule's contribution
     * @throws NotFoundException if the lead does not exist
     */
    LeadScore score(LeadId id);

    /**
     * Recomputes the score of every open lead of the tenant, {@code pageSize} leads per unit of work, never holding
     * all leads at once; as {@link #score}, for one instant (now) for all.
     *
     * @param pageSize 1 to {@value PageRequest#MAX_SIZE}
     */
    RecomputeSummary recomputeScores(int pageSize);

    /**
     * Converts a QUALIFIED lead into a person customer (matched by normalised e-mail, else phone, among active
     * customers; or created), optionally its organisation (matched by domain, else by name; or created) with the
     * "works at" relationship, and optionally a deal. The lead's touchpoints move to the customer's timeline; the
     * customer's lifecycle moves (forward only) to SALES_QUALIFIED; the lead becomes CONVERTED and keeps what it
     * became. All in one unit of work: if any step fails, nothing is created and the lead stays unconverted.
     * Converting a converted lead returns the first result ({@code alreadyConverted}) and creates nothing.
     *
     * @throws InvalidInputException      if the request is invalid, a new person would have no name, or the deal
     *                                    is refused
     * @throws NotFoundException          if the lead does not exist
     * @throws IllegalTransitionException if it is not QUALIFIED (nor already converted)
     */
    ConversionResult convert(LeadId id, ConversionRequest request);

    /** The tenant's lead settings: its stored ones, else the {@code Crm} builder's. */
    LeadSettings settings();

    /**
     * Stores {@code settings} as this tenant's own, replacing what it had; they take effect for the next call.
     *
     * @throws InvalidInputException if {@code settings} is null
     */
    void configure(LeadSettings settings);
}
