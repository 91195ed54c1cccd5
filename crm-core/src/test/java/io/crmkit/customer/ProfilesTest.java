package io.crmkit.customer;

import static io.crmkit.customer.CustomerTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PersonProfile} and {@link OrganisationProfile}. */
class ProfilesTest {

    @Test
    void aPersonNeedsAtLeastOneName() {
        assertThat(new PersonProfile(" Sarah ", " Miller ", " Barista ")).satisfies(p -> {
            assertThat(p.givenName()).isEqualTo("Sarah");
            assertThat(p.familyName()).isEqualTo("Miller");
            assertThat(p.jobTitle()).isEqualTo("Barista");
            assertThat(p.displayName()).isEqualTo("Sarah Miller");
        });
        assertThat(new PersonProfile("Cher", null, null).displayName()).isEqualTo("Cher");
        assertThat(new PersonProfile(null, "Nakamoto", null).displayName()).isEqualTo("Nakamoto");

        assertRefused(() -> new PersonProfile(null, null, "CEO"), "givenName",
                "a person needs a given name or a family name");
    }

    @Test
    void personNamesAreNotBlankAndAtMost200Characters() {
        assertRefused(() -> new PersonProfile(" ", "Miller", null), "givenName",
                "must not be blank; leave it out instead");
        assertRefused(() -> new PersonProfile("Sarah", "m".repeat(201), null), "familyName",
                "must be at most 200 characters");
        assertRefused(() -> new PersonProfile("Sarah", null, "\u0007"), "jobTitle",
                "must not contain control characters");
        assertThat(new PersonProfile("g".repeat(200), null, null).givenName()).hasSize(200);
    }

    @Test
    void anOrganisationHasANameAndALowerCasedDomain() {
        OrganisationProfile o = new OrganisationProfile(" Café Luna ", " Cafe-Luna.EXAMPLE ", " Hospitality ", 12);

        assertThat(o.name()).isEqualTo("Café Luna");
        assertThat(o.domain()).isEqualTo("cafe-luna.example");
        assertThat(o.industry()).isEqualTo("Hospitality");
        assertThat(o.employeeCount()).isEqualTo(12);
        assertThat(new OrganisationProfile("Acme", null, null, 0).employeeCount()).isZero();
        assertThat(new OrganisationProfile("Acme", null, null, null).employeeCount()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "shop.example.co.uk", "xn--bcher-kva.example", "a1.io", "my-shop.de"})
    void acceptsHostNamesAsDomains(String domain) {
        assertThat(new OrganisationProfile("Acme", domain, null, null).domain()).isEqualTo(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "https://example.com", "example.com/", "-example.com", "example-.com",
            "example..com", ".example.com", "example.com.", "exa mple.com", "example.123", "bücher.example",
            "user@example.com"})
    void refusesWhatIsNotAHostName(String domain) {
        assertRefused(() -> new OrganisationProfile("Acme", domain, null, null), "domain",
                "must be a host name such as example.com");
    }

    @Test
    void anOrganisationNeedsANameAndANonNegativeEmployeeCount() {
        assertRefused(() -> new OrganisationProfile(null, null, null, null), "name", "must not be null");
        assertRefused(() -> new OrganisationProfile(" ", null, null, null), "name",
                "must not be blank; leave it out instead");
        assertRefused(() -> new OrganisationProfile("Acme", null, null, -1), "employeeCount", "must not be negative");
        assertRefused(() -> new OrganisationProfile("Acme", " ", null, null), "domain",
                "must not be blank; leave it out instead");
    }
}
