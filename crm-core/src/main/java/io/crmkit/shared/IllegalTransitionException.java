package io.crmkit.shared;

/**
 * A state transition that the record's rules never allow, such as changing an archived customer or moving a
 * converted lead back to NEW. Transitions that are refused as part of normal business flow (a lifecycle move
 * backwards, for instance) are returned as refusal values instead of throwing this.
 */
public final class IllegalTransitionException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final String recordType;
    private final String recordId;

    public IllegalTransitionException(String recordType, Object id, String reason) {
        super(recordType + " " + id + ": " + reason);
        this.recordType = recordType;
        this.recordId = String.valueOf(id);
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }
}
