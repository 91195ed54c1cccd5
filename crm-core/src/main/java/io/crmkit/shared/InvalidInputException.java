package io.crmkit.shared;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input that crmkit refuses. It lists <em>every</em> violated constraint at once, each with the property path
 * of the offending value (for example {@code emails[1].address}), so that a host can show all problems of a form
 * together. Whenever this exception is thrown, nothing has been stored.
 */
public final class InvalidInputException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    /**
     * @param violations the violated constraints; must not be empty
     */
    public InvalidInputException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** A single violation at {@code path}. */
    public static InvalidInputException of(String path, String message) {
        return new InvalidInputException(List.of(new Violation(path, message)));
    }

    /** The violated constraints, in a stable order (sorted by path, then message). */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        return "Invalid input: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /**
     * One violated constraint.
     *
     * @param path    the property path of the offending value, e.g. {@code emails[0].address}; never null
     * @param message what is wrong, in English; never null
     */
    public record Violation(String path, String message) implements Comparable<Violation>, java.io.Serializable {

        public Violation {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public int compareTo(Violation other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : message.compareTo(other.message);
        }

        @Override
        public String toString() {
            return path + ": " + message;
        }
    }
}
