/**
 * Speed: business-hours calendars, and (growing) SLA policies, clocks and timers.
 * Calendars answer "when is this due" and "how much business time has passed", across
 * weekends, holidays and daylight-saving changes.
 */
@NullMarked
package org.redress.sla;

import org.jspecify.annotations.NullMarked;
