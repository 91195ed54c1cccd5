package io.crmkit.touchpoint;

import java.util.List;

/**
 * The outcome of recording a batch: one {@link RecordResult} per element, in the order of the batch.
 *
 * @param results one result per element of the batch
 */
public record BatchResult(List<RecordResult> results) {

    /** Copies the list. */
    public BatchResult {
        results = List.copyOf(results);
    }

    /** How many elements were stored as new touchpoints. */
    public int recordedCount() {
        return (int) results.stream().filter(r -> !r.duplicate()).count();
    }

    /** How many elements were duplicates of touchpoints stored before (or earlier in the same batch). */
    public int duplicateCount() {
        return (int) results.stream().filter(RecordResult::duplicate).count();
    }
}
