package org.redress.communications;

import org.redress.cases.CasesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was sent to and received from the customer on a merged case moves to the case it
 * was merged into: the outbox (so a reply threading on one of our Message-IDs, which the
 * mailbox looks up there, joins the surviving case, and mail still queued goes out under
 * it), the inbound mail log, the attachments and the channels' conversations (a chat goes on
 * in the surviving case). In the merge's transaction (ADR 10).
 */
@Component
class MergedCaseMail {

    private final JdbcClient jdbc;

    MergedCaseMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CasesMerged merged) {
        for (String table : new String[] {"outbox", "inbound_mail", "case_attachments", "channel_conversations",
                "channel_messages"}) {
            jdbc.sql("update " + table + " set case_id = ? where case_id = ?")
                .params(merged.intoCaseId(), merged.fromCaseId()).update();
        }
    }
}
