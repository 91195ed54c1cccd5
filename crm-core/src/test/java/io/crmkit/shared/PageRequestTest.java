package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void theFirstPageHas50ItemsUnlessToldOtherwise() {
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(null, 50));
        assertThat(PageRequest.first().isFirst()).isTrue();
        assertThat(PageRequest.first(10).size()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 999, 1000})
    void sizeIsBetween1And1000(int size) {
        assertThat(PageRequest.first(size).size()).isEqualTo(size);
        assertThat(PageRequest.after("c", size).size()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1001, Integer.MAX_VALUE})
    void refusesOtherSizes(int size) {
        assertThatThrownBy(() -> PageRequest.first(size)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("size");
                    assertThat(v.message()).isEqualTo("must be between 1 and 1000");
                }));
    }

    @Test
    void thePageAfterACursorIsNotTheFirst() {
        PageRequest next = PageRequest.after("AQID", 20);
        assertThat(next.isFirst()).isFalse();
        assertThat(next.cursor()).isEqualTo("AQID");
    }

    @Test
    void refusesABlankOrMissingCursorForTheNextPage() {
        assertThatThrownBy(() -> PageRequest.after(null, 20)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: cursor: must not be null; use PageRequest.first for the first page");
        assertThatThrownBy(() -> PageRequest.after(" ", 20)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: cursor: must not be blank; pass null for the first page");
        assertThatThrownBy(() -> new PageRequest("", 20)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPageOffersTheRequestForTheNextPageOfTheSameSize() {
        Page<String> more = new Page<>(List.of("a", "b"), "AQID", 2);
        Page<String> last = new Page<>(List.of("c"), null, 2);

        assertThat(more.hasNext()).isTrue();
        assertThat(more.nextRequest()).contains(PageRequest.after("AQID", 2));
        assertThat(last.hasNext()).isFalse();
        assertThat(last.nextRequest()).isEmpty();
        assertThat(last.size()).isEqualTo(1);
    }
}
