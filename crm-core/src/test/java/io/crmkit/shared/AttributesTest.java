package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributesTest {

    private static final AttributeValue V = AttributeValue.bool(true);

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "drink", "shoe_size", "utm.source", "x-ref", "a1", "CamelCase",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsKeysOfALetterAndUpTo63LettersDigitsOrUnderscoreDotHyphen(String key) {
        assertThat(Attributes.isValidKey(key)).isTrue();
        assertThat(Attributes.copyOf("attributes", Map.of(key, V))).containsOnlyKeys(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "_x", ".x", "-x", "a b", "a/b", "größe", "a:b", " a", "a\n",
            "a234567890123456789012345678901234567890123456789012345678901234x"})
    void refusesOtherKeysNamingTheKeyInThePath(String key) {
        assertThat(Attributes.isValidKey(key)).isFalse();
        assertThatThrownBy(() -> Attributes.copyOf("preferences", Map.of(key, V)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("preferences[" + key + "]");
                            assertThat(v.message())
                                    .isEqualTo("key must be a letter followed by up to 63 letters, digits or _ . -");
                        }));
    }

    @Test
    void refusesNullMapKeyAndValue() {
        assertThat(Attributes.isValidKey(null)).isFalse();
        assertRefused(null, "attributes", "must not be null");
        Map<String, AttributeValue> nullValue = new HashMap<>();
        nullValue.put("tier", null);
        assertRefused(nullValue, "attributes[tier]", "must not be null");
        Map<String, AttributeValue> nullKey = new HashMap<>();
        nullKey.put(null, V);
        assertRefused(nullKey, "attributes[null]", "key must be a letter followed by up to 63 letters, digits or _ . -");
    }

    @Test
    void holdsAtMost200Entries() {
        Map<String, AttributeValue> map = new HashMap<>();
        IntStream.range(0, 200).forEach(i -> map.put("k" + i, V));
        assertThat(Attributes.copyOf("attributes", map)).hasSize(200);
        map.put("k200", V);
        assertRefused(map, "attributes", "must have at most 200 entries");
    }

    @Test
    void copiesSortedByKeyAndImmutably() {
        Map<String, AttributeValue> source = new LinkedHashMap<>();
        source.put("b", AttributeValue.integer(2));
        source.put("B", AttributeValue.integer(3));
        source.put("a", AttributeValue.integer(1));

        Map<String, AttributeValue> copy = Attributes.copyOf("attributes", source);
        source.clear();

        assertThat(copy.keySet()).containsExactly("B", "a", "b");
        assertThatThrownBy(() -> copy.put("c", V)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertRefused(Map<String, AttributeValue> map, String path, String message) {
        assertThatThrownBy(() -> Attributes.copyOf("attributes", map))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo(path);
                            assertThat(v.message()).isEqualTo(message);
                        }));
    }
}
