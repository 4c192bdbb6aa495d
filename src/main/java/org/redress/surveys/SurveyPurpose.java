package org.redress.surveys;

/** When a survey is sent: after business events, or after a recovery to measure it. */
public enum SurveyPurpose {
    AFTER_EVENTS, RECOVERY
}
