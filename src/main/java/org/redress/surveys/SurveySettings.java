package org.redress.surveys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.surveys.*}: who invitations are signed by, how old an event may be and
 * still invite (an old event replayed must not survey anyone), and how long a survey link
 * stays open.
 */
@ConfigurationProperties("redress.surveys")
record SurveySettings(@DefaultValue("Customer care") String signature, @DefaultValue("7d") Duration maxEventAge,
                      @DefaultValue("30d") Duration linkValidity) {
}
