package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "[{0}] in region {1} is {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            020 7946 0958          | GB   | +442079460958
            (020) 7946-0958        | GB   | +442079460958
            020-7946-0958          | gb   | +442079460958
            +44 20 7946 0958       | null | +442079460958
            +44 (0) 20 7946 0958   | null | +442079460958
            +44 20 7946 0958       | DE   | +442079460958
            0044 20 7946 0958      | GB   | +442079460958
            0044 20 7946 0958      | DE   | +442079460958
            07700 900123           | GB   | +447700900123
            +1 (415) 555-0123      | null | +14155550123
            (415) 555-0123         | US   | +14155550123
            1-415-555-0123         | US   | +14155550123
            030 12345678           | DE   | +493012345678
            030/12345678           | DE   | +493012345678
            +49 (0)30 1234567      | null | +49301234567
            0171 1234567           | DE   | +491711234567
            00 49 171 1234567      | GB   | +491711234567
            tel:+44-20-7946-0958   | null | +442079460958
            """)
    void parsesWhatPeopleTypeIntoE164(String raw, String region, String e164) {
        PhoneNumber number = PhoneNumber.parse(raw, region);

        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number.extension()).isNull();
        assertThat(number.toString()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{0}] in region {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            +44 20 7946 0958 ext. 12 | null | +442079460958 | 12
            020 7946 0958 ext 12     | GB   | +442079460958 | 12
            020 7946 0958 x12        | GB   | +442079460958 | 12
            030 1234567 ext. 4711    | DE   | +49301234567  | 4711
            +1 415 555 0123 #89      | null | +14155550123  | 89
            +49 30 1234567;ext=5     | null | +49301234567  | 5
            """)
    void keepsAnExtensionApart(String raw, String region, String e164, String extension) {
        PhoneNumber number = PhoneNumber.parse(raw, region);

        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number.extension()).isEqualTo(extension);
        assertThat(number.toString()).isEqualTo(e164 + ";ext=" + extension);
        assertThat(number).isEqualTo(new PhoneNumber(e164, extension));
    }

    @Test
    void aNumberWithAndWithoutCountryCodeIsTheSameValue() {
        assertThat(PhoneNumber.parse("020 7946 0958", "GB"))
                .isEqualTo(PhoneNumber.parse("+44 20 7946 0958", null))
                .isEqualTo(PhoneNumber.parse("0044 20 7946 0958", "DE"))
                .isEqualTo(PhoneNumber.ofE164("+442079460958"));
    }

    @Test
    void knowsItsRegionAndFormatsForDisplay() {
        PhoneNumber london = PhoneNumber.parse("020 7946 0958", "GB");
        assertThat(london.region()).contains("GB");
        assertThat(london.international()).isEqualTo("+44 20 7946 0958");

        PhoneNumber berlin = PhoneNumber.parse("030 1234567 ext. 12", "DE");
        assertThat(berlin.region()).contains("DE");
        assertThat(berlin.international()).isEqualTo("+49 30 1234567 ext. 12");

        assertThat(PhoneNumber.parse("+800 1234 5678", null).region()).isEmpty(); // international freephone
    }

    @Test
    void acceptsPossibleNumbersEvenInRangesLibphonenumberDoesNotKnow() {
        // 07700 900xxx is reserved for drama; libphonenumber calls it invalid, but its length is possible.
        assertThat(PhoneNumber.parse("07700 900123", "GB").e164()).isEqualTo("+447700900123");
    }

    @Test
    void refusesANationalNumberWithoutRegionSayingWhy() {
        assertRefused("020 7946 0958", null, "phone",
                "is not a phone number: it has no country code (such as +44) and no region was given to read it in");
        assertRefused("0044 20 7946 0958", null, "phone",
                "is not a phone number: it has no country code (such as +44) and no region was given to read it in");
    }

    @Test
    void refusesAnUnknownRegionOnThePathRegion() {
        assertRefused("020 7946 0958", "XX", "region", "'XX' is not a region libphonenumber knows");
        assertRefused("020 7946 0958", "GBR", "region", "'GBR' is not a region libphonenumber knows");
        assertRefused("+44 20 7946 0958", "", "region", "'' is not a region libphonenumber knows");
    }

    @Test
    void refusesWhatIsNotAPhoneNumber() {
        assertRefused(null, "GB", "phone", "must not be blank");
        assertRefused("  ", "GB", "phone", "must not be blank");
        assertRefused("abc", "GB", "phone", "is not a phone number: it does not look like a number");
        assertRefused("+999 123456", null, "phone", "is not a phone number: its country code is unknown");
        assertRefused("1".repeat(65), "GB", "phone", "must be at most 64 characters");
        assertRefused("+44 20 7946 0958 0958 0958", null, "phone", "is not a phone number: it is too long");
        assertRefused("12", "GB", "phone", "is not a possible phone number: it is too short for country code +44");
        assertRefused("+49 30 1234567 ext. 12345678901", null, "phone", "extension must be 1 to 10 digits");
    }

    @Test
    void refusesALocalNumberWithoutItsAreaCodeInsteadOfStoringAnotherNumber() {
        assertRefused("7946 0958", "GB", "phone", "is not a possible phone number: it is a local number; add its area code");
        assertRefused("555-0123", "US", "phone", "is not a possible phone number: it is a local number; add its area code");
    }

    @Test
    void errorMessagesDoNotRepeatTheNumber() {
        assertThatThrownBy(() -> PhoneNumber.parse("+44 20 7946 0958 0958 0958", null))
                .hasMessageNotContaining("7946");
        assertThatThrownBy(() -> PhoneNumber.parse("7946 0958", "GB")).hasMessageNotContaining("7946");
    }

    @Test
    void theRecordAcceptsOnlyE164AndDigitExtensions() {
        assertThat(new PhoneNumber("+442079460958", null).e164()).isEqualTo("+442079460958");
        assertThatThrownBy(() -> new PhoneNumber("02079460958", null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: phone: must be in E.164 form, such as +442079460958");
        assertThatThrownBy(() -> PhoneNumber.ofE164("+44 20 7946 0958")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PhoneNumber.ofE164("+0442079460958")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PhoneNumber.ofE164("+1234567890123456")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PhoneNumber.ofE164(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PhoneNumber("+442079460958", "12a")).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: phone: extension must be 1 to 10 digits");
        assertThatThrownBy(() -> new PhoneNumber("+442079460958", "")).isInstanceOf(InvalidInputException.class);
    }

    private static void assertRefused(String raw, String region, String path, String message) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw, region))
                .as("[%s] in %s", raw, region)
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo(path);
                            assertThat(v.message()).isEqualTo(message);
                        }));
    }
}
