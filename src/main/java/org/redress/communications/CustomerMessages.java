package org.redress.communications;

import java.util.List;

import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;
import org.redress.cases.Intake;
import org.redress.customers.CustomerView;
import org.redress.shared.Conflict;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer writes on their page (the link we sent them), with files: checked
 * first (the same types and size as by email), then their message joins the case and the
 * files go with it, in one transaction. The customer never sees files back on their page:
 * they are for the people handling the case.
 */
@Service
@Transactional
class CustomerMessages {

    private final Intake intake;
    private final CaseManagement cases;
    private final ChannelInbox inbox;

    CustomerMessages(Intake intake, CaseManagement cases, ChannelInbox inbox) {
        this.intake = intake;
        this.cases = cases;
        this.inbox = inbox;
    }

    void write(long caseId, String text, List<Attachments.Checked> files) {
        String words = Text.required("text", text, Intake.MAX_MESSAGE);
        CaseView c = cases.view(caseId);
        if (c.closed()) {
            throw new Conflict("This case is closed, so it takes no more messages. Reply to our last email, or contact us "
                + "again, and we will pick it up.");
        }
        CustomerView customer = c.customer();
        String author = customer.name() != null ? customer.name() : customer.email() != null ? customer.email() : "The customer";
        intake.reply(caseId, Channel.WEB, author, null, words);
        inbox.keep(caseId, files);
    }
}
