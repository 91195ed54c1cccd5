package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"u-1", "sarah@example.com", "auth0|5f7c8ec7c33c6c004bbafe82", "Ünal Öztürk", " spaced "})
    void keepsTheHostsKeyAsGiven(String key) {
        UserId user = UserId.of(key);
        assertThat(user.value()).isEqualTo(key);
        assertThat(user.toString()).isEqualTo(key);
        assertThat(user).isEqualTo(new UserId(key));
    }

    @Test
    void isAtMost128Characters() {
        assertThat(UserId.of("u".repeat(128)).value()).hasSize(128);
        assertRefused("u".repeat(129), "must be at most 128 characters without control characters");
    }

    @Test
    void refusesBlankAndControlCharacters() {
        assertRefused(null, "must not be blank");
        assertRefused("", "must not be blank");
        assertRefused(" \t", "must not be blank");
        assertRefused("u\n1", "must be at most 128 characters without control characters");
        assertRefused("u\u00001", "must be at most 128 characters without control characters");
        assertRefused("u\u007F", "must be at most 128 characters without control characters");
    }

    private static void assertRefused(String key, String message) {
        assertThatThrownBy(() -> UserId.of(key)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("userId");
                    assertThat(v.message()).isEqualTo(message);
                }));
    }
}
