package io.crmkit.customer;

import static io.crmkit.customer.CustomerTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostalAddressTest {

    @Test
    void trimsTextAndUpperCasesTheCountryCode() {
        PostalAddress a = new PostalAddress("  10 Downing Street\nWestminster ", " SW1A 2AA ", " London ", null,
                " gb ", " office ", true);

        assertThat(a.street()).isEqualTo("10 Downing Street\nWestminster");
        assertThat(a.postalCode()).isEqualTo("SW1A 2AA");
        assertThat(a.locality()).isEqualTo("London");
        assertThat(a.region()).isNull();
        assertThat(a.countryCode()).isEqualTo("GB");
        assertThat(a.label()).isEqualTo("office");
        assertThat(a.primary()).isTrue();
    }

    @Test
    void normalisesTheLineBreaksABrowserSends() {
        PostalAddress a = new PostalAddress("10 Downing Street\r\nWestminster\rLondon", null, "London", null, "GB",
                null, false);

        assertThat(a.street()).isEqualTo("10 Downing Street\nWestminster\nLondon");
    }

    @Test
    void addressesCompareByValue() {
        assertThat(new PostalAddress("Hauptstr. 1", "10115", "Berlin", "Berlin", "de", null, false))
                .isEqualTo(new PostalAddress("Hauptstr. 1 ", "10115", "Berlin", "Berlin", "DE", null, false));
    }

    @Test
    void requiresStreetLocalityAndCountry() {
        assertRefused(() -> new PostalAddress(null, null, "London", null, "GB", null, false), "street",
                "must not be null");
        assertRefused(() -> new PostalAddress(" ", null, "London", null, "GB", null, false), "street",
                "must not be blank; leave it out instead");
        assertRefused(() -> new PostalAddress("1 High St", null, null, null, "GB", null, false), "locality",
                "must not be null");
        assertRefused(() -> new PostalAddress("1 High St", null, "London", null, null, null, false), "countryCode",
                "must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UK", "GBR", "", "G", "XX", "EU", "12"})
    void refusesWhatIsNotAnIso3166Alpha2Code(String code) {
        assertRefused(() -> new PostalAddress("1 High St", null, "London", null, code, null, false), "countryCode",
                "must be an ISO 3166-1 alpha-2 country code such as GB");
    }

    @Test
    void limitsLengthsAndRefusesControlCharactersAndBlankOptionals() {
        assertThat(new PostalAddress("s".repeat(500), "p".repeat(20), "l".repeat(200), "r".repeat(200), "GB",
                "x".repeat(50), false).street()).hasSize(500);
        assertRefused(() -> new PostalAddress("s".repeat(501), null, "London", null, "GB", null, false), "street",
                "must be at most 500 characters");
        assertRefused(() -> new PostalAddress("1 High St", "p".repeat(21), "London", null, "GB", null, false),
                "postalCode", "must be at most 20 characters");
        assertRefused(() -> new PostalAddress("1 High St", null, "London", null, "GB", "x".repeat(51), false),
                "label", "must be at most 50 characters");
        assertRefused(() -> new PostalAddress("1 High St\u0000", null, "London", null, "GB", null, false), "street",
                "must not contain control characters");
        assertRefused(() -> new PostalAddress("1 High St", " ", "London", null, "GB", null, false), "postalCode",
                "must not be blank; leave it out instead");
    }
}
