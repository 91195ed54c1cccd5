package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.Relationship;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.testkit.generators.CrmGenerators;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random writes for the model-based properties. A {@link Planner} picks a write that is valid in the model's
 * state, applies it to the model and returns it as a {@link Command}: a concrete write, with the answer the storage
 * must give, that can be run once or run again.
 */
final class Operations {

    private Operations() {
    }

    /** One planned write and the answer it must get. */
    interface Command {
        void run(CrmStorage storage);

        /** Whether the storage must refuse this write (and so changes nothing). */
        default boolean refused() {
            return false;
        }
    }

    /** A write the storage must refuse: {@code check} asserts that it does. */
    private static Command refusal(java.util.function.Consumer<CrmStorage> check) {
        return new Command() {
            @Override
            public void run(CrmStorage storage) {
                check.accept(storage);
            }

            @Override
            public boolean refused() {
                return true;
            }
        };
    }

    /**
     * Small pools of ids, addresses, numbers and sources shared by every tenant, so that tenants collide on
     * purpose: the same customer id, e-mail, phone number, relationship id and source in two tenants.
     */
    static final class Pools {
        final List<CustomerId> customerIds;
        final List<RelationshipId> relationshipIds;
        final List<EmailAddress> emails;
        final List<PhoneNumber> phones;
        final List<SourceRef> sources;
        final List<Instant> instants;

        Pools(Random random) {
            customerIds = CrmGenerators.customerIds().list(6, 6).next(random);
            relationshipIds = CrmGenerators.relationshipIds().list(6, 6).next(random);
            EmailAddress shared = CrmGenerators.emailAddresses().next(random);
            emails = new ArrayList<>(List.of(shared, EmailAddress.parse(shared.value().toUpperCase(java.util.Locale.ROOT))));
            emails.addAll(CrmGenerators.emailAddresses().list(3, 3).next(random));
            PhoneNumber phone = CrmGenerators.phoneNumbers().next(random);
            phones = new ArrayList<>(List.of(new PhoneNumber(phone.e164(), null), new PhoneNumber(phone.e164(), "9")));
            phones.addAll(CrmGenerators.phoneNumbers().list(2, 2).next(random));
            sources = CrmGenerators.sourceRefs().list(5, 5).next(random);
            // Few instants, so that touchpoints often share one and their order falls to the id.
            instants = CrmGenerators.instants().list(4, 4).next(random);
        }
    }

    /** Plans random writes valid in a tenant's model, applying each to the model as it plans it. */
    static final class Planner {
        private final Random random;
        private final Pools pools;

        Planner(Random random, Pools pools) {
            this.random = random;
            this.pools = pools;
        }

        /**
         * A random write for {@code model}'s tenant, applied to {@code model}. With {@code refusals}, writes the
         * storage must refuse (a stale version, a customer that exists only in {@code other}) are planned too.
         */
        Command plan(TenantModel model, TenantModel other, boolean refusals) {
            for (int attempt = 0; attempt < 20; attempt++) {
                Command command = switch (random.nextInt(refusals ? 8 : 6)) {
                    case 0, 1 -> insertCustomer(model);
                    case 2 -> updateCustomer(model);
                    case 3 -> insertRelationship(model);
                    case 4 -> deleteRelationship(model);
                    case 5 -> insertTouchpoints(model, other);
                    case 6 -> staleUpdate(model);
                    default -> updateOfAnotherTenantsCustomer(model, other);
                };
                if (command != null) {
                    return command;
                }
            }
            Command fallback = insertCustomer(model);
            return fallback != null ? fallback : storage -> { };
        }

        private Command insertCustomer(TenantModel model) {
            List<CustomerId> free = new ArrayList<>(pools.customerIds);
            free.removeAll(model.customers.keySet());
            if (free.isEmpty()) {
                return null;
            }
            Customer customer = withPooledContacts(
                    CrmGenerators.customers(model.tenant, free.get(random.nextInt(free.size()))).next(random));
            model.customers.put(customer.id(), customer);
            return storage -> storage.customers().insert(model.tenant, customer);
        }

        private Command updateCustomer(TenantModel model) {
            Customer current = anyCustomer(model);
            if (current == null) {
                return null;
            }
            Customer next = withPooledContacts(CrmGenerators.nextVersionOf(current).next(random));
            model.customers.put(next.id(), next);
            return storage -> storage.customers().update(model.tenant, next);
        }

        private Command staleUpdate(TenantModel model) {
            Customer current = anyCustomer(model);
            if (current == null) {
                return null;
            }
            Customer stale = CrmGenerators.nextVersionOf(current).next(random).toBuilder()
                    .version(current.version() - random.nextInt((int) Math.min(current.version(), 2L)))
                    .build();
            return refusal(storage -> assertThatThrownBy(() -> storage.customers().update(model.tenant, stale))
                    .as("update of %s at version %d while version %d is stored", stale.id(), stale.version(),
                            current.version())
                    .isInstanceOf(ConcurrentModificationException.class));
        }

        private Command updateOfAnotherTenantsCustomer(TenantModel model, TenantModel other) {
            List<CustomerId> theirs = new ArrayList<>(other.customers.keySet());
            theirs.removeAll(model.customers.keySet());
            theirs.sort(null);
            if (theirs.isEmpty()) {
                return null;
            }
            Customer their = other.customers.get(theirs.get(random.nextInt(theirs.size())));
            Customer attempt = CrmGenerators.nextVersionOf(their).next(random).toBuilder().tenantId(model.tenant)
                    .build();
            return refusal(storage -> assertThatThrownBy(() -> storage.customers().update(model.tenant, attempt))
                    .as("update in %s of customer %s, which only %s has", model.tenant, attempt.id(), other.tenant)
                    .isInstanceOf(NotFoundException.class));
        }

        private Command insertRelationship(TenantModel model) {
            if (model.customers.size() < 2) {
                return null;
            }
            List<RelationshipId> free = new ArrayList<>(pools.relationshipIds);
            free.removeAll(model.relationships.keySet());
            if (free.isEmpty()) {
                return null;
            }
            List<CustomerId> ends = new ArrayList<>(model.customers.keySet());
            ends.sort(null);
            java.util.Collections.shuffle(ends, random);
            Relationship generated = CrmGenerators.relationships(model.tenant, ends.get(0), ends.get(1)).next(random);
            Relationship relationship = new Relationship(free.get(random.nextInt(free.size())), model.tenant,
                    generated.from(), generated.type(), generated.to(), generated.createdAt());
            boolean same = model.relationships.values().stream().anyMatch(r -> r.from().equals(relationship.from())
                    && r.to().equals(relationship.to()) && r.type().equals(relationship.type()));
            if (same) {
                return null;
            }
            model.relationships.put(relationship.id(), relationship);
            return storage -> storage.relationships().insert(model.tenant, relationship);
        }

        private Command deleteRelationship(TenantModel model) {
            RelationshipId id = pools.relationshipIds.get(random.nextInt(pools.relationshipIds.size()));
            boolean existed = model.relationships.remove(id) != null;
            return storage -> assertThat(storage.relationships().delete(model.tenant, id))
                    .as("delete of relationship %s in %s says whether it existed", id, model.tenant)
                    .isEqualTo(existed);
        }

        private Command insertTouchpoints(TenantModel model, TenantModel other) {
            if (model.customers.isEmpty()) {
                return null;
            }
            List<CustomerId> customers = new ArrayList<>(model.customers.keySet());
            customers.sort(null);
            Set<TouchpointId> used = new HashSet<>(model.touchpoints.keySet());
            List<Touchpoint> batch = new ArrayList<>();
            int size = 1 + random.nextInt(4);
            for (int i = 0; i < size; i++) {
                TouchpointId id = CrmGenerators.touchpointIds().next(random);
                while (used.contains(id) || other.touchpoints.containsKey(id)) {
                    id = CrmGenerators.touchpointIds().next(random);
                }
                List<TouchpointId> theirs = new ArrayList<>(other.touchpoints.keySet());
                theirs.removeAll(used);
                theirs.sort(null);
                if (!theirs.isEmpty() && random.nextInt(3) == 0) {
                    id = theirs.get(random.nextInt(theirs.size()));  // the same id in another tenant
                }
                used.add(id);
                Instant occurredAt = random.nextInt(3) == 0 ? CrmGenerators.instants().next(random)
                        : pools.instants.get(random.nextInt(pools.instants.size()));
                SourceRef source = random.nextInt(3) == 0 ? null
                        : pools.sources.get(random.nextInt(pools.sources.size()));
                batch.add(CrmGenerators.touchpoint(random, model.tenant, id,
                        customers.get(random.nextInt(customers.size())), occurredAt, source));
            }
            List<IngestOutcome> expected = model.ingest(batch);
            return storage -> assertThat(storage.touchpoints().insertAll(model.tenant, batch))
                    .as("outcomes of ingesting %d touchpoints in %s", batch.size(), model.tenant)
                    .containsExactlyElementsOf(expected);
        }

        /** The customer with e-mails and phones from the shared pools, so that tenants share them. */
        private Customer withPooledContacts(Customer customer) {
            List<EmailContact> emails = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                EmailAddress email = pools.emails.get(random.nextInt(pools.emails.size()));
                if (keys.add(email.matchKey())) {
                    emails.add(new EmailContact(email, null, emails.isEmpty() && random.nextBoolean()));
                }
            }
            List<PhoneContact> phones = new ArrayList<>();
            Set<PhoneNumber> numbers = new HashSet<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                PhoneNumber phone = pools.phones.get(random.nextInt(pools.phones.size()));
                if (numbers.add(phone)) {
                    phones.add(new PhoneContact(phone, "pooled", false));
                }
            }
            return customer.toBuilder().emails(emails).phones(phones).build();
        }

        private Customer anyCustomer(TenantModel model) {
            if (model.customers.isEmpty()) {
                return null;
            }
            List<CustomerId> ids = new ArrayList<>(model.customers.keySet());
            ids.sort(null);  // a stable order, so that a seed repeats
            return model.customers.get(ids.get(random.nextInt(ids.size())));
        }
    }
}
