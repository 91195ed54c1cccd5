package io.crmkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.EmailInput;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Violations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bean Validation without the Jakarta Expression Language. */
class InputValidatorTest {

    record Address(@NotBlank String street) {
    }

    record Signup(
            @NotNull @Size(min = 2, max = 5) String name,
            @Min(18) @Max(120) int age,
            @Pattern(regexp = "[A-Z]{2}") String country,
            @Digits(integer = 3, fraction = 2) BigDecimal price,
            @DecimalMax("99.5") BigDecimal rating,
            List<@NotBlank String> tags,
            Map<String, @NotNull String> labels,
            @Valid Address address,
            @Size(max = 2, message = "${validatedValue} has more than {max} notes") List<String> notes) {
    }

    private static final Signup VALID = new Signup("Ann", 30, "GB", new BigDecimal("12.50"), BigDecimal.ONE,
            List.of("vip"), Map.of("k", "v"), new Address("1 High St"), List.of());

    @Test
    void noExpressionLanguageIsOnTheTestClassPath() {
        // The point of this test class: everything below works without any EL implementation or API.
        for (String elClass : List.of("jakarta.el.ExpressionFactory", "javax.el.ExpressionFactory",
                "org.glassfish.expressly.ExpressionFactoryImpl", "com.sun.el.ExpressionFactoryImpl")) {
            assertThatThrownBy(() -> Class.forName(elClass)).as(elClass).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void reportsEveryViolationInOneExceptionWithPathsAndResolvedMessages() {
        // {min}, {max}, {value}, {regexp}, {integer} and {fraction} are resolved; ${...} is dropped, not evaluated
        Signup bad = new Signup("A", 17, "gb", new BigDecimal("1234.567"), new BigDecimal("100"),
                Arrays.asList("ok", " "), java.util.Collections.singletonMap("vip", null), new Address(""),
                List.of("a", "b", "c"));

        assertThatThrownBy(() -> InputValidator.create().validate("signup", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::path, InvalidInputException.Violation::message)
                        .containsExactly(
                                tuple("address.street", "must not be blank"),
                                tuple("age", "must be at least 18"),
                                tuple("country", "must match \"[A-Z]{2}\""),
                                tuple("labels[vip]", "must not be null"),
                                tuple("name", "size must be between 2 and 5"),
                                tuple("notes", "has more than 2 notes"),
                                tuple("price", "must have at most 3 integer digits and 2 fraction digits"),
                                tuple("rating", "must be at most 99.5"),
                                tuple("tags[1]", "must not be blank")));
    }

    @Test
    void aValidInputPasses() {
        InputValidator.create().validate("signup", VALID);
    }

    @Test
    void aNullInputIsAViolationAtItsName() {
        assertThatThrownBy(() -> InputValidator.create().validate("signup", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: signup: must not be null");
    }

    @Test
    void prefixesPathsAndAddsToViolationsOfOtherChecks() {
        Violations violations = new Violations().add("owner", "is unknown");
        Signup bad = new Signup(null, 200, "GB", null, null, List.of(), Map.of(), null, List.of());

        InputValidator.create().validate("signup", bad, "signups[3]", violations);

        assertThatThrownBy(violations::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(InvalidInputException.Violation::toString).containsExactly(
                        "owner: is unknown",
                        "signups[3].age: must be at most 120",
                        "signups[3].name: must not be null"));
    }

    @Test
    void validatesTheApiInputsOfCrmkitWithTheirPaths() {
        CustomerRegistration registration = new CustomerRegistration(null, "x".repeat(201), null, null, null, null,
                null, -1, Arrays.asList(new EmailInput("a@example.com", "", false), null), null, null, null, null,
                null, null, null, null, io.crmkit.customer.LifecycleStage.LEAD, "GBR");

        assertThatThrownBy(() -> InputValidator.create().validate("registration", registration))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::toString)
                        .containsExactly(
                                "emails[0].label: size must be between 1 and 50",
                                "emails[1]: must not be null",
                                "employeeCount: must not be negative",
                                "givenName: size must be between 0 and 200",
                                "kind: must not be null",
                                "phoneRegion: size must be between 2 and 2"));
    }
}
