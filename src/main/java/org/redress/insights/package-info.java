/**
 * Insights: whether recoveries work, how fast they are and how they end, for leads, managers
 * and admins. The only module that reads across the others' tables (by their documented
 * columns): a scheduled refresh ({@link org.redress.insights.CaseFacts}) folds the cases
 * changed since its last run, with their remedies, into its own read model
 * ({@code insight_case_facts}, {@code insight_remedy_facts}), and the reports read that; where
 * a report needs what the facts do not hold, it reads the smaller source tables beside them
 * at request time (business events for the retention baseline, survey answers, promises,
 * customers' lifetime value, the taxonomy's names). The weekly digest
 * ({@code org.redress.insights.digest}) emails leads, managers and admins the past week's key
 * numbers once a week; other modules add parts to it through
 * {@link org.redress.insights.DigestSection}.
 */
@NullMarked
package org.redress.insights;

import org.jspecify.annotations.NullMarked;
