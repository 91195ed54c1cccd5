package io.crmkit.customer;

/**
 * How a customer wants to be contacted, and whether at all.
 *
 * @param preferredChannel the channel the customer prefers, or null for no preference
 * @param doNotContact     true if the customer must not be contacted for marketing or sales
 */
public record CommunicationPreference(ContactChannel preferredChannel, boolean doNotContact) {

    /** No preference, contact allowed. */
    public static final CommunicationPreference NONE = new CommunicationPreference(null, false);

    /** Prefers {@code channel}, contact allowed. */
    public static CommunicationPreference prefers(ContactChannel channel) {
        return new CommunicationPreference(channel, false);
    }

    /** Must not be contacted. */
    public static CommunicationPreference doNotContactAtAll() {
        return new CommunicationPreference(null, true);
    }
}
