package io.crmkit.customer;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.RelationshipId;
import java.util.List;
import java.util.Optional;

/**
 * The customers of one tenant: registration, changes, look-ups, lifecycle and relationships. Obtained from
 * {@code crm.customers()} (default tenant) or {@code crm.tenant(id).customers()}.
 *
 * <p>Every method validates its input first and refuses bad input with an {@link InvalidInputException} that lists
 * every problem, before anything is stored. Every change runs in one unit of work of the storage and publishes its
 * events after it committed. Changes to an existing customer take the version the caller based them on and fail
 * with {@link ConcurrentModificationException} if somebody else saved in between.
 */
public interface Customers {

    /**
     * Registers a person or an organisation.
     *
     * @return the new customer, at version 1
     * @throws InvalidInputException listing every problem of the registration
     */
    Customer register(CustomerRegistration registration);

    /**
     * Applies {@code patch} to the customer, if it still is at {@code expectedVersion}. A patch that changes
     * nothing (empty, or setting values the customer already has) stores nothing and publishes no event.
     *
     * @return the customer at its next version, or unchanged at its version if the patch changes nothing
     * @throws InvalidInputException           listing every problem of the patch (and a null id or an
     *                                         {@code expectedVersion} below 1)
     * @throws NotFoundException               if the customer does not exist in this tenant
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if it is archived
     */
    Customer update(CustomerId id, long expectedVersion, CustomerPatch patch);

    /** The customer with {@code id}, if it exists in this tenant (archived or not). */
    Optional<Customer> find(CustomerId id);

    /**
     * The customer with {@code id}.
     *
     * @throws NotFoundException if it does not exist in this tenant
     */
    Customer get(CustomerId id);

    /**
     * The customers that have {@code email} among their addresses, compared case-insensitively after
     * normalisation, archived ones included, ordered by id.
     *
     * @throws InvalidInputException if {@code email} is not an e-mail address crmkit accepts
     */
    List<Customer> findByEmail(String email);

    /**
     * The customers that have {@code phone} among their numbers, compared in E.164 form, archived ones included,
     * ordered by id. A number without a country code is read in the {@code Crm}'s default region.
     *
     * @throws InvalidInputException if {@code phone} cannot be parsed
     */
    List<Customer> findByPhone(String phone);

    /** As {@link #findByPhone(String)}, reading a number without country code in {@code region}. */
    List<Customer> findByPhone(String phone, String region);

    /** A page of the customers matching {@code query}, ordered by id. */
    Page<Customer> list(CustomerQuery query, PageRequest page);

    /** A page of the active customers, ordered by id. */
    Page<Customer> list(PageRequest page);

    /**
     * Archives the customer: it leaves default lists and can no longer be changed until unarchived; its history
     * stays.
     *
     * @throws InvalidInputException           if {@code id} is null or {@code expectedVersion} is below 1
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if it already is archived
     */
    Customer archive(CustomerId id, long expectedVersion);

    /**
     * Makes an archived customer active again.
     *
     * @throws InvalidInputException           if {@code id} is null or {@code expectedVersion} is below 1
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if it is not archived
     */
    Customer unarchive(CustomerId id, long expectedVersion);

    /**
     * Moves the customer's lifecycle stage forward to {@code target}. A backwards move is not an error: it returns
     * {@link LifecycleChange.Refused} with the reason, and nothing changes. Reads the current version itself; a
     * concurrent change between its read and its write fails with {@link ConcurrentModificationException}.
     *
     * @throws NotFoundException          if the customer does not exist
     * @throws IllegalTransitionException if it is archived
     */
    LifecycleChange advanceLifecycle(CustomerId id, LifecycleStage target);

    /**
     * Sets the lifecycle stage to {@code target} even if that is backwards: the explicit correction that
     * {@link #advanceLifecycle} refuses to make implicitly. The reason is recorded in the event.
     *
     * @throws InvalidInputException      if the reason is blank
     * @throws NotFoundException          if the customer does not exist
     * @throws IllegalTransitionException if it is archived
     */
    Customer resetLifecycle(CustomerId id, LifecycleStage target, String reason);

    /**
     * Relates two customers: {@code from} {@code type.label()} {@code to}, and at once {@code to}
     * {@code type.inverseLabel()} {@code from}. Relating the same pair with the same type again returns the
     * existing relationship (for a symmetric type, in either direction).
     *
     * @throws InvalidInputException      if both are the same customer
     * @throws NotFoundException          if either customer does not exist in this tenant
     * @throws IllegalTransitionException if either is archived
     */
    Relationship relate(CustomerId from, RelationshipType type, CustomerId to);

    /**
     * Removes a relationship, both sides of it.
     *
     * @throws NotFoundException if it does not exist in this tenant
     */
    void removeRelationship(RelationshipId id);

    /**
     * A page of the customer's relationships, each read from its side, ordered by relationship id.
     *
     * @throws NotFoundException if the customer does not exist
     */
    Page<RelatedCustomer> relationships(CustomerId id, PageRequest page);
}
