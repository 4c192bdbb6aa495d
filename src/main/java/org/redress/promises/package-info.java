/**
 * Promises: every commitment made to a customer ("refund by Friday", "a technician will
 * call tomorrow") with its due time, owner and outcome (open, kept, broken). Agreeing a
 * resolution makes one, refining it refines that one; fulfilling it keeps it; a promise still open at its due time is
 * broken and flagged on the case. Listens to {@code ResolutionAgreed} and {@code StepRecorded}, and to
 * {@code CasesMerged} (a duplicate's open promises move to the case it was merged into);
 * publishes {@link org.redress.promises.PromiseChanged} when a promise is made, kept or broken.
 */
@NullMarked
package org.redress.promises;

import org.jspecify.annotations.NullMarked;
