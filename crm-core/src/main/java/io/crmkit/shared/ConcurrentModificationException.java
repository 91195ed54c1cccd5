package io.crmkit.shared;

/**
 * A save based on a stale version: somebody else changed the record since the caller read it. Nothing was
 * changed; the caller re-reads the record and decides again.
 *
 * <p>Not to be confused with {@link java.util.ConcurrentModificationException}, which is about iterators.
 */
public final class ConcurrentModificationException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final String recordType;
    private final String recordId;
    private final long expectedVersion;

    /**
     * @param recordType      the kind of record, e.g. {@code "Customer"}
     * @param id              the record's id
     * @param expectedVersion the version the caller based its change on
     */
    public ConcurrentModificationException(String recordType, Object id, long expectedVersion) {
        super(recordType + " " + id + " was changed concurrently: the change was based on version "
                + expectedVersion + ", which is no longer current; re-read it and try again");
        this.recordType = recordType;
        this.recordId = String.valueOf(id);
        this.expectedVersion = expectedVersion;
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

    /** The version the refused change was based on. */
    public long expectedVersion() {
        return expectedVersion;
    }
}
