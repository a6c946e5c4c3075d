package vn.childsafe.notify.domain;

/** How an alert reaches its target. */
public enum DeliveryChannel {
    /** No channel: the target has no usable contact point (the delivery is in state NO_CONTACT_POINT). */
    NONE,
    /** A Standard Webhooks-signed HTTP POST to the unit's endpoint. */
    WEBHOOK,
    /** An e-mail over SMTP to one address of the contact point (Vietnamese text, a link to the case). */
    EMAIL,
    /** An SMS to one number of the contact point, through the configured HTTP gateway. */
    SMS,
    /** A Standard Webhooks-signed takedown request (or re-notice) to a platform's takedown endpoint. */
    TAKEDOWN
}
