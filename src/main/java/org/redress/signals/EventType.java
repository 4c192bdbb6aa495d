package org.redress.signals;

/** What happened to a customer in a business system. */
public enum EventType {
    ORDER_PLACED, DELIVERED, DELIVERY_LATE, DELIVERY_FAILED, SERVICE_VISIT, SUPPORT_CONTACT, WAIT_TIME, CANCELLATION,
    REFUND_REQUESTED, OUTAGE
}
