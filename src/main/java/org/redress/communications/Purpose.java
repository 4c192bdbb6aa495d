package org.redress.communications;

/** What a message is for: the playbook step it serves, or an incident notice. */
public enum Purpose {
    ACKNOWLEDGEMENT, APOLOGY, EXPLANATION, OFFER, CONFIRMATION, STATUS_UPDATE, FOLLOW_UP, INCIDENT_NOTICE
}
