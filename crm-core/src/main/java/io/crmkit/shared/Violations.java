package io.crmkit.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every violated constraint of one input before refusing it, so that one {@link InvalidInputException}
 * lists them all. Used at the API boundary by crmkit and available to adapters and hosts.
 */
public final class Violations {

    private final List<InvalidInputException.Violation> violations = new ArrayList<>();

    /** Records a violation at {@code path}. */
    public Violations add(String path, String message) {
        violations.add(new InvalidInputException.Violation(path, message));
        return this;
    }

    /** Records the violations of {@code e}, each path prefixed by {@code prefix} (unless it is empty). */
    public Violations addAll(String prefix, InvalidInputException e) {
        for (InvalidInputException.Violation v : e.violations()) {
            add(join(prefix, v.path()), v.message());
        }
        return this;
    }

    /**
     * Runs {@code step}; if it refuses its input, records the refusal at {@code path} (replacing the path the step
     * named, which knows only its own value) and returns null.
     */
    public <T> T capture(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            for (InvalidInputException.Violation v : e.violations()) {
                add(path, v.message());
            }
            return null;
        }
    }

    /**
     * Runs {@code step}; if it refuses its input, records each violation with its path prefixed by {@code prefix}
     * and returns null.
     */
    public <T> T captureNested(String prefix, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            addAll(prefix, e);
            return null;
        }
    }

    /** How many violations were recorded. */
    public int size() {
        return violations.size();
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /** @throws InvalidInputException listing every recorded violation, sorted, if there is any */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            List<InvalidInputException.Violation> sorted = new ArrayList<>(violations);
            Collections.sort(sorted);
            throw new InvalidInputException(sorted.stream().distinct().toList());
        }
    }

    private static String join(String prefix, String path) {
        if (prefix == null || prefix.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? prefix : prefix + "." + path;
    }
}
