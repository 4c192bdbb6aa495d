package org.redress.communications;

import java.util.List;

import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.notifications.AlertInbox;
import org.springframework.stereotype.Component;

/**
 * A message that cannot be delivered is shown on its case's timeline and alerted to whoever
 * holds the case (its team's leads when nobody does): someone must reach the customer another way.
 */
@Component
class DeliveryFailures {

    private final CaseManagement cases;
    private final AlertInbox alerts;
    private final UserManagement users;

    DeliveryFailures(CaseManagement cases, AlertInbox alerts, UserManagement users) {
        this.cases = cases;
        this.alerts = alerts;
        this.users = users;
    }

    void report(long caseId, String what, String recipient, String why) {
        cases.recordOnTimeline(caseId, "message.failed", "Could not deliver " + what + " to " + recipient + ": " + why);
        CaseView c = cases.view(caseId);
        List<Long> told = c.assignee() != null ? List.of(c.assignee().id())
            : users.leadsOf(c.team() == null ? null : c.team().id()).stream().map(UserSummary::id).toList();
        alerts.raise(told, c.id(), "message.failed", "A message to the customer of " + c.number() + " could not be delivered ("
            + recipient + "): " + why);
    }
}
