package io.crmkit.customer;

/** How a customer prefers to be contacted. */
public enum ContactChannel {
    EMAIL, PHONE, SMS, POST, CHAT, IN_PERSON
}
