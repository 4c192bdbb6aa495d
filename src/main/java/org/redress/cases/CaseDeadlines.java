package org.redress.cases;

import java.util.Collection;
import java.util.Map;

/**
 * The time targets of cases, kept by the module that times them (sla). Lists of cases show
 * each case's most pressing target through this port, so that this module needs neither
 * that module nor its tables.
 */
public interface CaseDeadlines {

    /** The most pressing running target of each of these cases that has one. */
    Map<Long, CaseSummary.Deadline> mostPressing(Collection<Long> caseIds);
}
