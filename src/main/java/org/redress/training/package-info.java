/**
 * Training and quality: how well recoveries follow the playbook, checked on real cases. A lead,
 * manager or admin reviews a case on the current scorecard ({@link org.redress.training.Scorecards},
 * versioned: a review keeps the version it was scored on), starting from ratings suggested by
 * the case's own record (its steps, its time targets, its promises, and the tone coach on what
 * was said); the agent is alerted, reads the review, and acknowledges or disputes it within a
 * window. Calibration sessions have several reviewers score the same case blind and show how
 * far they disagree ({@link org.redress.training.Disagreement}).
 */
@NullMarked
package org.redress.training;

import org.jspecify.annotations.NullMarked;
