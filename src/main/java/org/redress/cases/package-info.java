/**
 * The recovery case: intake of complaints from every channel, the nine-step recovery
 * playbook (acknowledge, listen, apologize, identify the cause, explain, resolve, fulfil,
 * follow up, learn), the append-only timeline, assignment, tags, notes, closing with an
 * outcome and reopening. Exposes {@link org.redress.cases.Intake} and
 * {@link org.redress.cases.CaseManagement}; publishes {@link org.redress.cases.CaseOpened},
 * {@link org.redress.cases.StepRecorded}, {@link org.redress.cases.ResolutionAgreed},
 * {@link org.redress.cases.SeverityChanged},
 * {@link org.redress.cases.CaseClosed},
 * {@link org.redress.cases.CaseReopened}, {@link org.redress.cases.ResolutionReopened} and
 * {@link org.redress.cases.CustomerWrote}. Offers
 * {@link org.redress.cases.CaseManagement#escalate} for the time targets' escalation rules.
 */
@NullMarked
package org.redress.cases;

import org.jspecify.annotations.NullMarked;
