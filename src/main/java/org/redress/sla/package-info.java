/**
 * Speed: business-hours calendars, SLA policies, clocks and timers, and the work queue that
 * sorts by them. Calendars answer "when is this due" and "how much business time has passed",
 * across weekends, holidays and daylight-saving changes. The queue's read model
 * ({@code sla_queue}) is kept with the clocks; {@link org.redress.sla.CaseQueue} lists it
 * with filters and saved views, {@link org.redress.sla.TakeNext} hands out the most urgent
 * case, and {@code QueueDeadlines} gives case lists their deadlines through the cases
 * module's {@link org.redress.cases.CaseDeadlines} port.
 */
@NullMarked
package org.redress.sla;

import org.jspecify.annotations.NullMarked;
