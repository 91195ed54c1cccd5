package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import io.crmkit.shared.InvalidInputException;

/**
 * The kind of a relationship between two customers, as a pair of labels: the label read from the first customer
 * ({@code "works at"}) and the label read from the second ({@code "employs"}). A symmetric type has the same
 * label both ways ({@code "sister of"}). Hosts define their own types with {@link #of(String, String)}.
 *
 * @param label        the label from the first customer's side, lower-case, 1–60 characters
 * @param inverseLabel the label from the second customer's side
 */
public record RelationshipType(String label, String inverseLabel) {

    /** Siblings who are sisters: "sister of" both ways. */
    public static final RelationshipType SISTER_OF = new RelationshipType("sister of", "sister of");
    /** Siblings: "sibling of" both ways. */
    public static final RelationshipType SIBLING_OF = new RelationshipType("sibling of", "sibling of");
    /** Spouses or partners: "partner of" both ways. */
    public static final RelationshipType PARTNER_OF = new RelationshipType("partner of", "partner of");
    /** A person works at an organisation, which employs them. */
    public static final RelationshipType WORKS_AT = new RelationshipType("works at", "employs");
    /** A customer was referred by another one, who referred them. */
    public static final RelationshipType REFERRED_BY = new RelationshipType("referred by", "referred");
    /** An organisation is the parent company of another, its subsidiary. */
    public static final RelationshipType PARENT_COMPANY_OF = new RelationshipType("parent company of", "subsidiary of");

    /** @throws InvalidInputException if a label is null, blank or over 60 characters */
    public RelationshipType {
        label = normalise("label", label);
        inverseLabel = normalise("inverseLabel", inverseLabel);
    }

    /** A type with {@code label} one way and {@code inverseLabel} the other. */
    public static RelationshipType of(String label, String inverseLabel) {
        return new RelationshipType(label, inverseLabel);
    }

    /** A symmetric type: {@code label} both ways. */
    public static RelationshipType symmetric(String label) {
        return new RelationshipType(label, label);
    }

    /** Whether both labels are the same. */
    public boolean isSymmetric() {
        return label.equals(inverseLabel);
    }

    /** The same relationship read from the other side. */
    public RelationshipType inverse() {
        return new RelationshipType(inverseLabel, label);
    }

    private static String normalise(String path, String label) {
        String value = TextRules.required(path, label, 60);
        return value.toLowerCase(java.util.Locale.ROOT);
    }
}
