/**
 * Lessons: what each case taught (its Learn step) and the action that will keep its cause from
 * striking again, with an owner, a due date and a status (open, done, dropped), on a list that
 * every person sees within their case scope and the owners of actions always. Listens to
 * {@code LessonRecorded} in the case's transaction (a lesson exists exactly when its step does);
 * a recurring sweep alerts the owner of an action once when it is overdue, and the weekly
 * digest lists overdue actions ({@code OverdueActionsInDigest}). Insights reads
 * {@code lessons} to show whether a done action worked (cases with its cause before and after).
 */
@NullMarked
package org.redress.lessons;

import org.jspecify.annotations.NullMarked;
