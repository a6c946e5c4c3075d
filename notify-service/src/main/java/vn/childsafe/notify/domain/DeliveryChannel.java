package vn.childsafe.notify.domain;

/** How an alert reaches its target. */
public enum DeliveryChannel {
    /** No channel: the target has no usable contact point (the delivery is in state NO_CONTACT_POINT). */
    NONE,
    /** A Standard Webhooks-signed HTTP POST to the unit's endpoint. */
    WEBHOOK,
    /** Reserved: e-mail over SMTP (not sent yet). */
    EMAIL,
    /** Reserved: SMS through the configured gateway (not sent yet). */
    SMS
}
