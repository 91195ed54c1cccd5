package io.crmkit.customer;

import static io.crmkit.customer.CustomerTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportantDateTest {

    private static final LocalDate DATE = LocalDate.of(1990, 4, 12);

    @Test
    void birthdayAndAnniversaryHaveTheirKinds() {
        assertThat(ImportantDate.birthday(DATE)).isEqualTo(new ImportantDate("birthday", DATE));
        assertThat(ImportantDate.anniversary(DATE).kind()).isEqualTo(ImportantDate.ANNIVERSARY);
    }

    @Test
    void theKindIsTrimmedAndLowerCased() {
        assertThat(new ImportantDate(" First-Order ", DATE).kind()).isEqualTo("first-order");
        assertThat(new ImportantDate("BIRTHDAY", DATE)).isEqualTo(ImportantDate.birthday(DATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "opening_day", "visit-2", "a234567890123456789012345678901234567890"})
    void acceptsWordsOfUpTo40Characters(String kind) {
        assertThat(new ImportantDate(kind, DATE).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2nd-visit", "_x", "first order", "café", "a2345678901234567890123456789012345678901"})
    void refusesOtherKinds(String kind) {
        assertRefused(() -> new ImportantDate(kind, DATE), "kind",
                "must be a word of up to 40 letters, digits, _ or -");
    }

    @Test
    void requiresKindAndDate() {
        assertRefused(() -> new ImportantDate(null, DATE), "kind", "must not be null");
        assertRefused(() -> new ImportantDate("birthday", null), "date", "must not be null");
    }
}
