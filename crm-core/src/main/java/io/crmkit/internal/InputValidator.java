package io.crmkit.internal;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Violations;
import java.lang.annotation.ElementType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Validates API inputs with Jakarta Bean Validation, configured so that no Expression Language implementation is
 * needed, and reports every violation with its property path.
 */
public final class InputValidator {

    /**
     * crmkit's inputs are plain values, never JPA entities: every property is read. Without this, Hibernate Validator
     * asks JPA for every property of every input whenever jakarta.persistence is on the class path (any host with
     * JPA), which cost about a tenth of the Java time of a {@code recordAll} batch in the ingest benchmark.
     */
    private static final TraversableResolver EVERYTHING_REACHABLE = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    };

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
                    .traversableResolver(EVERYTHING_REACHABLE)
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
            String path = path(v.getPropertyPath());
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

    /**
     * The path in crmkit's form: {@code emails[0].address}, {@code addresses[1]}, {@code preferences[drink]}. Bean
     * Validation's own {@code toString} names container elements ({@code addresses[1].<list element>},
     * {@code tags[].<iterable element>}), which is neither what a host shows next to a form field nor the path
     * the domain checks report for the same value.
     */
    static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    out.append('[').append(position).append(']');
                }
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }

    private static String joiner(String path) {
        return path.startsWith("[") ? "" : ".";
    }
}
