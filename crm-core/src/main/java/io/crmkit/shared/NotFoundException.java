package io.crmkit.shared;

import java.util.Objects;

/**
 * A record that does not exist in the calling tenant. A record of another tenant is reported exactly like a
 * record that does not exist at all, so that a tenant can never detect another tenant's data.
 */
public final class NotFoundException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final String recordType;
    private final String recordId;

    /**
     * @param recordType what was looked for, e.g. {@code "Customer"}
     * @param id         the id that was looked for
     */
    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " does not exist");
        this.recordType = Objects.requireNonNull(recordType, "recordType");
        this.recordId = String.valueOf(id);
    }

    /** What was looked for, e.g. {@code "Customer"}. */
    public String recordType() {
        return recordType;
    }

    /** The id that was looked for, as text. */
    public String recordId() {
        return recordId;
    }
}
