package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;

/** Assertions whose failure messages tell an adapter author which value came back wrong. */
final class KitAssertions {

    private KitAssertions() {
    }

    /**
     * Asserts that {@code found} holds a record equal to {@code expected}, naming every component that differs
     * ({@code Customer.attributes}, {@code Touchpoint.occurredAt}) rather than printing two whole records.
     */
    static <R extends Record> void assertReadsBack(Optional<R> found, R expected) {
        assertThat(found).as("%s %s was stored but is not found", expected.getClass().getSimpleName(),
                idOf(expected)).isPresent();
        assertSameRecord(found.get(), expected);
    }

    /** Asserts that two records are equal, naming every component that differs. */
    static <R extends Record> void assertSameRecord(R actual, R expected) {
        if (actual.equals(expected)) {
            return;
        }
        SoftAssertions softly = new SoftAssertions();
        String type = expected.getClass().getSimpleName();
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            Object actualValue = value(component, actual);
            Object expectedValue = value(component, expected);
            softly.assertThat(actualValue)
                    .as("%s.%s of %s read back differently", type, component.getName(), idOf(expected))
                    .isEqualTo(expectedValue);
        }
        softly.assertAll();
        // Every component was equal, but the records were not: an equals() that the kit cannot explain.
        assertThat(actual).isEqualTo(expected);
    }

    private static Object idOf(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals("id")) {
                return value(component, record);
            }
        }
        return record;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
