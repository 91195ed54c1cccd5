package io.crmkit.touchpoint;

/** The kind of an interaction between the business and a customer. */
public enum Channel {
    EMAIL, CALL, MEETING, CHAT, SMS, SOCIAL, WEB_VISIT, FORM_SUBMISSION, STORE_VISIT, PURCHASE, SUPPORT_REQUEST, OTHER
}
