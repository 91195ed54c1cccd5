package io.crmkit.examples.spring;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.EmailInput;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.PhoneInput;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers: register one, read one, change one (with the version read, so that a stale change is a 409), and page
 * through a customer's timeline. Request bodies are the application's own records; responses are crmkit's values
 * written by crm-jackson.
 */
@RestController
@RequestMapping("/customers")
public class CustomerController {

    private final Crm crm;

    public CustomerController(Crm crm) {
        this.crm = crm;
    }

    /**
     * A registration form. Its fields are named as crmkit's {@link CustomerRegistration}'s, so that every violation
     * crmkit reports ({@code emails[0].address}, {@code givenName}) names a field of this request.
     */
    public record RegisterCustomer(CustomerKind kind, String givenName, String familyName, String jobTitle,
                                   String organisationName, List<EmailInput> emails, List<PhoneInput> phones,
                                   Set<String> tags) {
    }

    /** {@code POST /customers}: 201 with the stored customer, or 400 listing every invalid field at once. */
    @PostMapping
    public ResponseEntity<Customer> register(@RequestBody RegisterCustomer form) {
        // The canonical constructor rather than the builder: crmkit validates the whole registration at once, so
        // that a missing kind is reported together with an invalid e-mail address, not one after the other.
        Customer customer = crm.customers().register(new CustomerRegistration(form.kind(), form.givenName(),
                form.familyName(), form.jobTitle(), form.organisationName(), null, null, null, form.emails(),
                form.phones(), null, form.tags(), null, null, null, null, null, LifecycleStage.LEAD, null));
        return ResponseEntity.created(URI.create("/customers/" + customer.id())).body(customer);
    }

    /** {@code GET /customers/{id}}: the customer, or 404. */
    @GetMapping("/{id}")
    public Customer get(@PathVariable CustomerId id) {
        return crm.customers().get(id);
    }

    /**
     * A change of a customer, made on the version the client read.
     *
     * @param version    the version the change is based on; if the customer changed since, the answer is 409
     * @param jobTitle   a new job title (null: unchanged)
     * @param addTags    tags to add
     * @param removeTags tags to remove
     */
    public record ChangeCustomer(@NotNull Long version, String jobTitle, Set<String> addTags, Set<String> removeTags) {
    }

    /** {@code PATCH /customers/{id}}: the changed customer; 409 if {@code version} is stale, 404 if it is unknown. */
    @PatchMapping("/{id}")
    public Customer change(@PathVariable CustomerId id, @Valid @RequestBody ChangeCustomer change) {
        CustomerPatch.Builder patch = CustomerPatch.builder();
        if (change.jobTitle() != null) {
            patch.jobTitle(change.jobTitle());
        }
        if (change.addTags() != null) {
            change.addTags().forEach(patch::addTag);
        }
        if (change.removeTags() != null) {
            change.removeTags().forEach(patch::removeTag);
        }
        return crm.customers().update(id, change.version(), patch.build());
    }

    /**
     * A page of a timeline: the touchpoints, newest first, and the cursor of the next page ({@code null} on the last).
     */
    public record TimelinePage(List<Touchpoint> items, String nextCursor) {
    }

    /**
     * {@code GET /customers/{id}/timeline?size=20&channel=PURCHASE}: the first page; pass the returned
     * {@code nextCursor} as {@code cursor} (with the same filters) for the next one. crmkit's cursors are opaque and
     * signed: a forged one, or one for another query, is a 400.
     */
    @GetMapping("/{id}/timeline")
    public TimelinePage timeline(@PathVariable CustomerId id,
                                 @RequestParam(required = false) String cursor,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(required = false) Set<Channel> channel) {
        TimelineQuery query = channel == null || channel.isEmpty() ? TimelineQuery.ALL
                : new TimelineQuery(EnumSet.copyOf(channel), null, null, null);
        PageRequest request = cursor == null ? PageRequest.first(size) : PageRequest.after(cursor, size);
        Page<Touchpoint> page = crm.touchpoints().timeline(id, query, request);
        return new TimelinePage(page.items(), page.nextCursor().orElse(null));
    }
}
