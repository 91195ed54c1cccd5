package io.crmkit.lead;

import io.crmkit.shared.UserId;
import jakarta.validation.constraints.Size;

/**
 * How to convert a lead.
 *
 * <pre>{@code
 * ConversionRequest request = ConversionRequest.builder()
 *         .by(UserId.of("alice"))
 *         .withOrganisation()                       // match or create the lead's company, "works at"
 *         .deal(ConversionDeal.of(Money.of("1200.00", "GBP"), LocalDate.of(2027, 3, 31)))
 *         .build();
 * }</pre>
 *
 * <p><b>Field mapping.</b> The lead's values (names, job title, e-mail, phone, attributes, owner) fill only the
 * matched customer's empty fields, unless {@code overwrite} is set; e-mail and phone are added when the customer
 * lacks them (never removing any). A created customer gets them all.
 *
 * @param by                 the user converting it, or null
 * @param createOrganisation whether to match (by domain, else by name) or create the lead's company as an
 *                           organisation customer and relate the person with "works at"
 * @param overwrite          whether the lead's values replace the matched customer's non-empty ones
 * @param deal               the deal to open, or null for none
 * @param givenName          the given name for a created person when the lead has no name, or null
 * @param familyName         the family name for a created person when the lead has no name, or null
 */
public record ConversionRequest(UserId by, boolean createOrganisation, boolean overwrite, ConversionDeal deal,
                                @Size(max = Lead.MAX_TEXT_LENGTH) String givenName,
                                @Size(max = Lead.MAX_TEXT_LENGTH) String familyName) {

    /** Convert to a person only, filling empty fields, no deal. */
    public static final ConversionRequest PERSON_ONLY = new ConversionRequest(null, false, false, null, null, null);

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ConversionRequest}. */
    public static final class Builder {
        private UserId by;
        private boolean createOrganisation;
        private boolean overwrite;
        private ConversionDeal deal;
        private String givenName;
        private String familyName;

        private Builder() {
        }

        /** The user converting the lead. */
        public Builder by(UserId user) {
            this.by = user;
            return this;
        }

        /** Match or create the lead's company and relate the person to it. */
        public Builder withOrganisation() {
            this.createOrganisation = true;
            return this;
        }

        /** Let the lead's values replace the matched customer's. */
        public Builder overwrite() {
            this.overwrite = true;
            return this;
        }

        /** Open this deal. */
        public Builder deal(ConversionDeal deal) {
            this.deal = deal;
            return this;
        }

        /** The name to give a created person when the lead has none. */
        public Builder personName(String givenName, String familyName) {
            this.givenName = givenName;
            this.familyName = familyName;
            return this;
        }

        /** The request. */
        public ConversionRequest build() {
            return new ConversionRequest(by, createOrganisation, overwrite, deal, givenName, familyName);
        }
    }
}
