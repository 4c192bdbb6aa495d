/**
 * Insights: whether recoveries work, how fast they are and how they end, for leads, managers
 * and admins. The only module that reads across the others' tables (by their documented
 * columns): a scheduled refresh ({@link org.redress.insights.CaseFacts}) folds the cases
 * changed since its last run into its own read model ({@code insight_case_facts}), and the
 * reports ({@link org.redress.insights.RecoverySummary}) read that alone.
 */
@NullMarked
package org.redress.insights;

import org.jspecify.annotations.NullMarked;
