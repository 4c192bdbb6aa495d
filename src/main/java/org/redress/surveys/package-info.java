/**
 * Surveys: CSAT, NPS and free-text surveys that close the loop. Rules invite a customer
 * after chosen business events (sampled, never inside the customer's quiet period) or
 * after a recovery (measuring the recovery itself); the invitation is an email with a
 * private link to a page made for phones. A low score or a clearly negative comment opens
 * a recovery case with the customer's words; publishes {@link org.redress.surveys.SurveyAnswered}.
 */
@NullMarked
package org.redress.surveys;

import org.jspecify.annotations.NullMarked;
