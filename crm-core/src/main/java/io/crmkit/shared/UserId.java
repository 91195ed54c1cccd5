package io.crmkit.shared;

/**
 * A user of the host application: an owner, an assignee, the person who handled a touchpoint. crmkit does not
 * manage users; it stores the host's key for them.
 *
 * @param value the host's key, 1 to 128 characters without control characters
 */
public record UserId(String value) {

    /** @throws InvalidInputException if {@code value} is null, blank, too long or holds control characters */
    public UserId {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("userId", "must not be blank");
        }
        if (value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("userId", "must be at most 128 characters without control characters");
        }
    }

    /** Same as the constructor. */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
