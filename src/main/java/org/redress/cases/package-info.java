/**
 * The recovery case: intake of complaints from every channel, the nine-step recovery
 * playbook (acknowledge, listen, apologize, identify the cause, explain, resolve, fulfil,
 * follow up, learn), the append-only timeline, assignment, tags, notes, closing with an
 * outcome (or for a reason: a duplicate, merged into the case it repeats; spam; not a
 * complaint), bulk actions, who is on a case, and reopening. Exposes {@link org.redress.cases.Intake} and
 * {@link org.redress.cases.CaseManagement}; publishes {@link org.redress.cases.CaseOpened},
 * {@link org.redress.cases.StepRecorded}, {@link org.redress.cases.ResolutionAgreed},
 * {@link org.redress.cases.SeverityChanged},
 * {@link org.redress.cases.CaseClosed},
 * {@link org.redress.cases.CaseReopened}, {@link org.redress.cases.CasesMerged}, {@link org.redress.cases.ResolutionReopened} and
 * {@link org.redress.cases.CustomerWrote}. Offers
 * {@link org.redress.cases.CaseManagement#escalate} for the time targets' escalation rules,
 * {@link org.redress.cases.CaseManagement#agreeResolution} for agreements reached through
 * another module's rules (a remedy the customer agreed to),
 * asks for the deadlines its lists show through {@link org.redress.cases.CaseDeadlines}
 * (provided by sla, so that this module does not depend on it) and for the files customers
 * sent, shown on the case page, through {@link org.redress.cases.CaseFiles} (provided by
 * communications),
 * and decides who may open and act on a case: {@link org.redress.cases.CaseScope} is the
 * rule, {@link org.redress.cases.CaseAccess} enforces it for every module (and audits refusals),
 * and every URL that names a case is checked before its controller runs.
 */
@NullMarked
package org.redress.cases;

import org.jspecify.annotations.NullMarked;
