package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Attributes;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns registrations and patches into customers: parses what people typed, collects every problem, and builds
 * the new snapshot only when there is none.
 */
final class CustomerEditor {

    private static final Set<String> PHONE_REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

    private final Violations violations = new Violations();
    private String phoneRegion;
    // False once the caller named a region libphonenumber does not know: numbers are then not parsed at all, the
    // region is reported once, at its own path.
    private boolean phoneRegionKnown = true;

    // Working copy of the customer's mutable parts.
    private String givenName;
    private String familyName;
    private String jobTitle;
    private String organisationName;
    private String domain;
    private String industry;
    private Integer employeeCount;
    private final List<EmailContact> emails = new ArrayList<>();
    private final List<PhoneContact> phones = new ArrayList<>();
    private final List<PostalAddress> addresses = new ArrayList<>();
    private final TreeSet<String> tags = new TreeSet<>();
    private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    private final Map<String, AttributeValue> preferences = new LinkedHashMap<>();
    private final Map<String, ImportantDate> importantDates = new LinkedHashMap<>();

    private CustomerEditor(String phoneRegion) {
        this.phoneRegion = phoneRegion;
    }

    static Customer register(CustomerId id, TenantId tenant, CustomerRegistration r, String defaultRegion,
                             Instant now) {
        CustomerEditor editor = new CustomerEditor(defaultRegion);
        Violations v = editor.violations;
        if (r.phoneRegion() != null) {
            editor.usePhoneRegion("phoneRegion", r.phoneRegion());
        }
        boolean person = r.kind() == CustomerKind.PERSON;
        editor.givenName = r.givenName();
        editor.familyName = r.familyName();
        editor.jobTitle = r.jobTitle();
        editor.organisationName = r.organisationName();
        editor.domain = r.domain();
        editor.industry = r.industry();
        editor.employeeCount = r.employeeCount();
        refuseOtherKind(v, person, r.jobTitle(), "jobTitle", r.organisationName(), "organisationName");
        refuseOtherKind(v, person, null, null, r.domain(), "domain");
        refuseOtherKind(v, person, null, null, r.industry(), "industry");
        refuseOtherKind(v, person, null, null, r.employeeCount(), "employeeCount");
        refuseOtherKind(v, person, r.givenName(), "givenName", null, null);
        refuseOtherKind(v, person, r.familyName(), "familyName", null, null);
        for (int i = 0; i < r.emails().size(); i++) {
            editor.addEmail("emails[" + i + "]", r.emails().get(i));
        }
        for (int i = 0; i < r.phones().size(); i++) {
            editor.addPhone("phones[" + i + "]", r.phones().get(i));
        }
        for (int i = 0; i < r.addresses().size(); i++) {
            editor.addAddress("addresses[" + i + "]", r.addresses().get(i));
        }
        for (String tag : r.tags()) {
            String normalised = v.capture("tags", () -> TextRules.required("tags", tag, 100));
            if (normalised != null) {
                editor.tags.add(normalised);
            }
        }
        editor.putAll("attributes", r.attributes(), editor.attributes);
        editor.putAll("preferences", r.preferences(), editor.preferences);
        for (int i = 0; i < r.importantDates().size(); i++) {
            ImportantDate date = r.importantDates().get(i);
            if (date == null) {
                v.add("importantDates[" + i + "]", "must not be null");
            } else if (editor.importantDates.put(date.kind(), date) != null) {
                v.add("importantDates[" + i + "]", "a date of kind '" + date.kind() + "' is already given");
            }
        }
        Customer.Builder builder = Customer.builder().id(id).tenantId(tenant).version(1)
                .owner(r.owner()).communication(r.communication()).lifecycleStage(r.lifecycleStage())
                .createdAt(now).updatedAt(now);
        return editor.build(builder, person);
    }

    static Customer apply(Customer current, CustomerPatch patch, String defaultRegion, Instant now) {
        CustomerEditor editor = new CustomerEditor(defaultRegion);
        for (int i = 0; i < patch.changes().size(); i++) {
            if (patch.changes().get(i) instanceof CustomerPatch.UsePhoneRegion use) {
                editor.usePhoneRegion("changes[" + i + "].region", use.region());
            }
        }
        editor.load(current);
        Customer.Builder builder = current.toBuilder().version(current.version() + 1).updatedAt(now);
        boolean person = current.kind() == CustomerKind.PERSON;
        List<CustomerPatch.Change> changes = patch.changes();
        for (int i = 0; i < changes.size(); i++) {
            editor.apply("changes[" + i + "]", changes.get(i), person, builder);
        }
        return editor.build(builder, person);
    }

    private void usePhoneRegion(String path, String region) {
        if (region != null && !PHONE_REGIONS.contains(region.toUpperCase(Locale.ROOT))) {
            violations.add(path, "'" + region + "' is not a region libphonenumber knows");
            phoneRegionKnown = false;
        }
        phoneRegion = region;
    }

    private void load(Customer c) {
        if (c.person() != null) {
            givenName = c.person().givenName();
            familyName = c.person().familyName();
            jobTitle = c.person().jobTitle();
        } else {
            organisationName = c.organisation().name();
            domain = c.organisation().domain();
            industry = c.organisation().industry();
            employeeCount = c.organisation().employeeCount();
        }
        emails.addAll(c.emails());
        phones.addAll(c.phones());
        addresses.addAll(c.addresses());
        tags.addAll(c.tags());
        attributes.putAll(c.attributes());
        preferences.putAll(c.preferences());
        c.importantDates().forEach(d -> importantDates.put(d.kind(), d));
    }

    private void apply(String path, CustomerPatch.Change change, boolean person, Customer.Builder builder) {
        Violations v = violations;
        if (change == null) {
            v.add(path, "must not be null");
            return;
        }
        if (change instanceof CustomerPatch.SetGivenName c) {
            if (onlyFor(path, person, true, "givenName")) {
                givenName = c.value();
            }
        } else if (change instanceof CustomerPatch.SetFamilyName c) {
            if (onlyFor(path, person, true, "familyName")) {
                familyName = c.value();
            }
        } else if (change instanceof CustomerPatch.SetJobTitle c) {
            if (onlyFor(path, person, true, "jobTitle")) {
                jobTitle = c.value();
            }
        } else if (change instanceof CustomerPatch.SetOrganisationName c) {
            if (onlyFor(path, person, false, "organisationName")) {
                organisationName = c.value();
            }
        } else if (change instanceof CustomerPatch.SetDomain c) {
            if (onlyFor(path, person, false, "domain")) {
                domain = c.value();
            }
        } else if (change instanceof CustomerPatch.SetIndustry c) {
            if (onlyFor(path, person, false, "industry")) {
                industry = c.value();
            }
        } else if (change instanceof CustomerPatch.SetEmployeeCount c) {
            if (onlyFor(path, person, false, "employeeCount")) {
                employeeCount = c.value();
            }
        } else if (change instanceof CustomerPatch.AddEmail c) {
            addEmail(path + ".email", c.email());
        } else if (change instanceof CustomerPatch.RemoveEmail c) {
            EmailAddress address = v.capture(path + ".address", () -> EmailAddress.parse(c.address()));
            if (address != null && !emails.removeIf(e -> e.address().matchKey().equals(address.matchKey()))) {
                v.add(path + ".address", "the customer has no e-mail address " + address);
            }
        } else if (change instanceof CustomerPatch.AddPhone c) {
            addPhone(path + ".phone", c.phone());
        } else if (change instanceof CustomerPatch.RemovePhone c) {
            if (!phoneRegionKnown) {
                return;
            }
            PhoneNumber number = v.capture(path + ".number", () -> PhoneNumber.parse(c.number(), phoneRegion));
            if (number != null && !phones.removeIf(p -> p.number().equals(number))) {
                v.add(path + ".number", "the customer has no phone number " + number);
            }
        } else if (change instanceof CustomerPatch.AddAddress c) {
            addAddress(path + ".address", c.address());
        } else if (change instanceof CustomerPatch.RemoveAddress c) {
            if (c.address() == null || !addresses.remove(c.address())) {
                v.add(path + ".address", "the customer has no such postal address");
            }
        } else if (change instanceof CustomerPatch.AddTag c) {
            String tag = v.capture(path + ".tag", () -> TextRules.required("tag", c.tag(), 100));
            if (tag != null) {
                tags.add(tag);
            }
        } else if (change instanceof CustomerPatch.RemoveTag c) {
            if (c.tag() == null || !tags.remove(c.tag().strip())) {
                v.add(path + ".tag", "the customer has no tag '" + c.tag() + "'");
            }
        } else if (change instanceof CustomerPatch.SetAttribute c) {
            put(path + ".key", path + ".value", c.key(), c.value(), attributes);
        } else if (change instanceof CustomerPatch.RemoveAttribute c) {
            if (c.key() == null || attributes.remove(c.key()) == null) {
                v.add(path + ".key", "the customer has no attribute '" + c.key() + "'");
            }
        } else if (change instanceof CustomerPatch.SetPreference c) {
            put(path + ".key", path + ".value", c.key(), c.value(), preferences);
        } else if (change instanceof CustomerPatch.RemovePreference c) {
            if (c.key() == null || preferences.remove(c.key()) == null) {
                v.add(path + ".key", "the customer has no preference '" + c.key() + "'");
            }
        } else if (change instanceof CustomerPatch.SetImportantDate c) {
            if (c.date() == null) {
                v.add(path + ".date", "must not be null");
            } else {
                importantDates.put(c.date().kind(), c.date());
            }
        } else if (change instanceof CustomerPatch.RemoveImportantDate c) {
            if (c.kind() == null || importantDates.remove(c.kind()) == null) {
                v.add(path + ".kind", "the customer has no date of kind '" + c.kind() + "'");
            }
        } else if (change instanceof CustomerPatch.SetOwner c) {
            builder.owner(c.owner());
        } else if (change instanceof CustomerPatch.SetCommunication c) {
            if (c.communication() == null) {
                v.add(path + ".communication", "must not be null");
            } else {
                builder.communication(c.communication());
            }
        }
        // UsePhoneRegion was applied before the other changes, see apply(Customer, ...).
    }

    private boolean onlyFor(String path, boolean person, boolean forPerson, String field) {
        if (person != forPerson) {
            violations.add(path + "." + field, "only " + (forPerson ? "persons" : "organisations")
                    + " have a " + field);
            return false;
        }
        return true;
    }

    private static void refuseOtherKind(Violations v, boolean person, Object personValue, String personField,
                                        Object organisationValue, String organisationField) {
        if (!person && personValue != null) {
            v.add(personField, "only persons have a " + personField);
        }
        if (person && organisationValue != null) {
            v.add(organisationField, "only organisations have a " + organisationField);
        }
    }

    private void addEmail(String path, EmailInput input) {
        if (input == null) {
            violations.add(path, "must not be null");
            return;
        }
        EmailAddress address = violations.capture(path + ".address", () -> EmailAddress.parse(input.address()));
        EmailContact contact = address == null ? null
                : violations.captureNested(path, () -> new EmailContact(address, input.label(), input.primary()));
        if (contact == null) {
            return;
        }
        if (emails.stream().anyMatch(e -> e.address().matchKey().equals(address.matchKey()))) {
            violations.add(path + ".address", "the customer already has " + address);
            return;
        }
        if (contact.primary()) {
            emails.replaceAll(e -> e.primary() ? new EmailContact(e.address(), e.label(), false) : e);
        }
        emails.add(contact);
    }

    private void addPhone(String path, PhoneInput input) {
        if (input == null) {
            violations.add(path, "must not be null");
            return;
        }
        if (!phoneRegionKnown) {
            return;
        }
        PhoneNumber number = violations.capture(path + ".number", () -> PhoneNumber.parse(input.number(), phoneRegion));
        PhoneContact contact = number == null ? null
                : violations.captureNested(path, () -> new PhoneContact(number, input.label(), input.primary()));
        if (contact == null) {
            return;
        }
        if (phones.stream().anyMatch(p -> p.number().equals(number))) {
            violations.add(path + ".number", "the customer already has " + number);
            return;
        }
        if (contact.primary()) {
            phones.replaceAll(p -> p.primary() ? new PhoneContact(p.number(), p.label(), false) : p);
        }
        phones.add(contact);
    }

    private void addAddress(String path, PostalAddress address) {
        if (address == null) {
            violations.add(path, "must not be null");
            return;
        }
        if (addresses.contains(address)) {
            violations.add(path, "the customer already has this postal address");
            return;
        }
        if (address.primary()) {
            addresses.replaceAll(a -> a.primary() ? new PostalAddress(a.street(), a.postalCode(), a.locality(),
                    a.region(), a.countryCode(), a.label(), false) : a);
        }
        addresses.add(address);
    }

    private void putAll(String path, Map<String, AttributeValue> source, Map<String, AttributeValue> target) {
        source.forEach((key, value) -> put(path + "[" + key + "]", path + "[" + key + "]", key, value, target));
    }

    private void put(String keyPath, String valuePath, String key, AttributeValue value,
                     Map<String, AttributeValue> target) {
        if (!Attributes.isValidKey(key)) {
            violations.add(keyPath, "key must be a letter followed by up to 63 letters, digits or _ . -");
        } else if (value == null) {
            violations.add(valuePath, "must not be null");
        } else {
            target.put(key, value);
        }
    }

    private Customer build(Customer.Builder builder, boolean person) {
        if (person) {
            builder.person(violations.captureNested("", () -> new PersonProfile(givenName, familyName, jobTitle)));
        } else {
            try {
                builder.organisation(new OrganisationProfile(organisationName, domain, industry, employeeCount));
            } catch (InvalidInputException e) {
                // OrganisationProfile calls its name "name"; registrations and patches call it "organisationName".
                for (InvalidInputException.Violation problem : e.violations()) {
                    violations.add("name".equals(problem.path()) ? "organisationName" : problem.path(),
                            problem.message());
                }
            }
        }
        builder.importantDates(List.copyOf(importantDates.values()));
        if (attributes.size() > Attributes.MAX_ENTRIES) {
            violations.add("attributes", "must have at most " + Attributes.MAX_ENTRIES + " entries");
        }
        if (preferences.size() > Attributes.MAX_ENTRIES) {
            violations.add("preferences", "must have at most " + Attributes.MAX_ENTRIES + " entries");
        }
        if (emails.size() > Customer.MAX_CONTACT_POINTS || phones.size() > Customer.MAX_CONTACT_POINTS
                || addresses.size() > Customer.MAX_CONTACT_POINTS || tags.size() > Customer.MAX_CONTACT_POINTS) {
            violations.add("contactPoints", "a customer has at most " + Customer.MAX_CONTACT_POINTS
                    + " e-mail addresses, phone numbers, postal addresses and tags each");
        }
        violations.throwIfAny();
        builder.emails(emails).phones(phones).addresses(addresses).tags(tags).attributes(attributes)
                .preferences(preferences);
        return builder.build();
    }
}
