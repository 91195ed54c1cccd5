package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "a", "7", "shop-42", "acme.eu:prod_1", "A-B.C:D_E",
            "x23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsHostKeys(String key) {
        TenantId tenant = TenantId.of(key);
        assertThat(tenant.value()).isEqualTo(key);
        assertThat(tenant.toString()).isEqualTo(key);
        assertThat(tenant).isEqualTo(new TenantId(key));
    }

    @Test
    void isAtMost64Characters() {
        assertThat(TenantId.of("t".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> TenantId.of("t".repeat(65))).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-shop", ".shop", "_shop", ":shop", "shop 1", " shop", "shop\n", "shop/1",
            "shöp", "shop@1", "shop%"})
    void refusesOtherKeys(String key) {
        assertThatThrownBy(() -> TenantId.of(key)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("tenantId");
                    assertThat(v.message())
                            .isEqualTo("must be 1 to 64 letters, digits or . _ : -, starting with a letter or digit");
                }));
    }

    @ParameterizedTest
    @NullSource
    void refusesNull(String key) {
        assertThatThrownBy(() -> TenantId.of(key)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: tenantId: must not be null");
    }

    @Test
    void theDefaultTenantIsCalledDefault() {
        assertThat(TenantId.DEFAULT).isEqualTo(TenantId.of("default"));
    }

    @Test
    void tenantsAreCaseSensitiveKeys() {
        assertThat(TenantId.of("Shop")).isNotEqualTo(TenantId.of("shop"));
    }
}
