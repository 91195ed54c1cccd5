package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void trimsBlanksLowerCasesTheDomainAndKeepsTheCaseOfTheLocalPart() {
        EmailAddress email = EmailAddress.parse("  Sarah.Miller@Example.COM\t");

        assertThat(email.value()).isEqualTo("Sarah.Miller@example.com");
        assertThat(email.localPart()).isEqualTo("Sarah.Miller");
        assertThat(email.domain()).isEqualTo("example.com");
        assertThat(email.toString()).isEqualTo("Sarah.Miller@example.com");
        assertThat(email.matchKey()).isEqualTo("sarah.miller@example.com");
    }

    @Test
    void trimsNoBreakAndIdeographicSpacesThatKeyboardsAndCopyPasteAdd() {
        assertThat(EmailAddress.parse("\u00A0sarah@example.com\u3000").value()).isEqualTo("sarah@example.com");
        assertThat(EmailAddress.parse("\u2003sarah@example.com \u202F").value()).isEqualTo("sarah@example.com");
    }

    @Test
    void theConstructorNormalisesLikeParse() {
        assertThat(new EmailAddress(" Tom@EXAMPLE.org ")).isEqualTo(EmailAddress.parse("Tom@example.ORG"));
    }

    @Test
    void addressesThatDifferOnlyInCaseHaveTheSameMatchKeyButKeepTheirOwnLocalPart() {
        EmailAddress upper = EmailAddress.parse("SARAH@example.com");
        EmailAddress lower = EmailAddress.parse("sarah@EXAMPLE.com");

        assertThat(upper).isNotEqualTo(lower);
        assertThat(upper.matchKey()).isEqualTo(lower.matchKey()).isEqualTo("sarah@example.com");
    }

    @Test
    void lowerCasingIsLocaleIndependent() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            EmailAddress email = EmailAddress.parse("INFO@ISTANBUL.EXAMPLE");
            assertThat(email.domain()).isEqualTo("istanbul.example");
            assertThat(email.matchKey()).isEqualTo("info@istanbul.example");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "simple@example.com",
            "very.common@example.com",
            "first.last+tag@sub.example.co.uk",
            "x@example.com",
            "o'connor@example.ie",
            "user-_!#$%&*/=?^`{|}~@example.com",
            "1234@123.example",
            "user@xn--bcher-kva.example",
            "user@my-shop.example",
            "Dörte@sörensen.example",
            "用户@例子.广告",
            "θσερ@εχαμπλε.ψομ",
            "डाटामेल@डाटामेल.भारत"
    })
    void acceptsAddressesPeopleHave(String address) {
        assertThat(EmailAddress.isValid(address)).as(address).isTrue();
        assertThat(EmailAddress.parse(address).localPart()).isEqualTo(address.substring(0, address.indexOf('@')));
    }

    @Test
    void lengthLimitsAreInclusive() {
        String local64 = "a".repeat(64);
        String label63 = "b".repeat(63);
        assertThat(EmailAddress.isValid(local64 + "@example.com")).isTrue();
        assertThat(EmailAddress.isValid("x@" + label63 + ".com")).isTrue();

        // 1 + 1 + 252 = 254 characters in all
        String domain252 = String.join(".", "c".repeat(63), "c".repeat(63), "c".repeat(63), "c".repeat(60));
        assertThat(EmailAddress.isValid("a@" + domain252)).isTrue();
        assertThat(("a@" + domain252).length()).isEqualTo(EmailAddress.MAX_LENGTH);

        assertRefused(local64 + "a@example.com", "local part must be at most 64 characters");
        assertRefused("x@" + label63 + "b.com", "each label of the domain must be at most 63 characters");
        assertRefused("ab@" + domain252, "must be at most 254 characters");
    }

    @Test
    void namesTheProblem() {
        assertRefused(null, "must not be null");
        assertRefused("   ", "must not be blank");
        assertRefused("", "must not be blank");
        assertRefused("sarah.example.com", "must contain an @");
        assertRefused("sarah@@example.com", "must contain exactly one @");
        assertRefused("\"a@b\"@example.com", "must contain exactly one @ (quoted local parts are not accepted)");
        assertRefused("@example.com", "must have a local part before the @");
        assertRefused("sarah@", "must have a domain after the @");
        assertRefused(".sarah@example.com", "local part must not start or end with a dot or contain two dots in a row");
        assertRefused("sa..rah@example.com", "local part must not start or end with a dot or contain two dots in a row");
        assertRefused("\"sarah\"@example.com", "local part must not contain '\"' (quoted strings are not accepted)");
        assertRefused("sarah(home)@example.com", "local part must not contain '(' (comments are not accepted)");
        assertRefused("sa rah@example.com", "local part must not contain white space (U+0020)");
        assertRefused("sarah@[192.0.2.1]",
                "domain must be a host name; address literals such as [192.0.2.1] are not accepted");
        assertRefused("sarah@example..com", "domain must not start or end with a dot or contain two dots in a row");
        assertRefused("sarah@-example.com", "a label of the domain must not start or end with a hyphen");
        assertRefused("sarah@example_shop.com", "domain must not contain '_'");
        assertRefused("sarah@(comment)example.com", "domain must not contain '(' (comments are not accepted)");
        assertRefused("sarah@localhost", "domain must have at least two labels, such as example.com");
        assertRefused("sarah@example.123", "the top-level label of the domain must not be all digits");
        assertRefused("sarah@192.0.2.1", "the top-level label of the domain must not be all digits");
    }

    @Test
    void refusesLineBreaksControlAndInvisibleCharactersEvenAtTheEnds() {
        assertRefused("sarah@example.com\r\n", "must not contain line breaks, control or invisible characters (U+000D)");
        assertRefused("\nsarah@example.com", "must not contain line breaks, control or invisible characters (U+000A)");
        assertRefused("sarah@example.com\u0000", "must not contain line breaks, control or invisible characters (U+0000)");
        assertRefused("sarah@example.com\r\nBcc: victim@example.org",
                "must not contain line breaks, control or invisible characters (U+000D)");
        assertRefused("sarah\u200B@example.com", "must not contain line breaks, control or invisible characters (U+200B)");
        assertRefused("\uFEFFsarah@example.com", "must not contain line breaks, control or invisible characters (U+FEFF)");
        assertRefused("sarah@example.com\u2028", "must not contain line breaks, control or invisible characters (U+2028)");
        assertRefused("sarah@exa\u202Emple.com", "must not contain line breaks, control or invisible characters (U+202E)");
        assertRefused("sarah@example.com\uD800", "must not contain line breaks, control or invisible characters (U+D800)");
    }

    @Test
    void checkAndIsValidAgreeWithParse() {
        assertThat(EmailAddress.check("sarah@example.com")).isEmpty();
        assertThat(EmailAddress.check("sarah@localhost"))
                .contains("domain must have at least two labels, such as example.com");
        assertThat(EmailAddress.isValid("sarah@localhost")).isFalse();
    }

    private static void assertRefused(String address, String message) {
        ThrowingCallable parse = () -> EmailAddress.parse(address);
        assertThatThrownBy(parse)
                .as("%s", address)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.path()).isEqualTo("email");
                        assertThat(v.message()).isEqualTo(message);
                    });
                    assertThat(e.getMessage()).isEqualTo("Invalid input: email: " + message);
                });
        assertThat(EmailAddress.isValid(address)).isFalse();
    }
}
