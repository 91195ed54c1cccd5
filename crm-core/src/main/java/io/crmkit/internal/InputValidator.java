package io.crmkit.internal;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Validates API inputs with Jakarta Bean Validation, configured so that no Expression Language implementation is
 * needed, and reports every violation with its property path.
 */
public final class InputValidator {

    private final Validator validator;

    private InputValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * A validator from the Bean Validation provider on the class path (Hibernate Validator).
     *
     * @throws IllegalStateException if there is none
     */
    public static InputValidator create() {
        try {
            ValidatorFactory factory = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new PlainMessageInterpolator())
                    .buildValidatorFactory();
            return new InputValidator(factory.getValidator());
        } catch (NoProviderFoundException e) {
            throw new IllegalStateException("crmkit needs a Jakarta Bean Validation provider on the class path: "
                    + "add org.hibernate.validator:hibernate-validator", e);
        }
    }

    /**
     * Records the violations of {@code input} into {@code violations}, paths prefixed by {@code prefix}.
     * A null input is itself a violation at {@code name}.
     */
    public void validate(String name, Object input, String prefix, Violations violations) {
        if (input == null) {
            violations.add(name, "must not be null");
            return;
        }
        for (ConstraintViolation<Object> v : validator.validate(input)) {
            String path = v.getPropertyPath().toString();
            String full = prefix.isEmpty() ? path : (path.isEmpty() ? prefix : prefix + joiner(path) + path);
            violations.add(full.isEmpty() ? name : full, v.getMessage());
        }
    }

    /**
     * Validates {@code input}.
     *
     * @throws InvalidInputException listing every violation
     */
    public void validate(String name, Object input) {
        Violations violations = new Violations();
        validate(name, input, "", violations);
        violations.throwIfAny();
    }

    private static String joiner(String path) {
        return path.startsWith("[") ? "" : ".";
    }
}
