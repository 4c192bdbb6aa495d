package org.redress.communications;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Sending the outbox and reading the mailbox, as db-scheduler recurring tasks (one node per execution). */
@Configuration(proxyBeanMethods = false)
class CommunicationsSchedule {

    @Bean
    RecurringTask<Void> outboxSweep(OutboxSender sender) {
        return Tasks.recurring("outbox-sweep", FixedDelay.of(Duration.ofSeconds(1)))
            .execute((instance, context) -> sender.sendDue());
    }

    @Bean
    RecurringTask<Void> mailboxPoll(ImapPoller poller) {
        return Tasks.recurring("mailbox-poll", FixedDelay.of(Duration.ofSeconds(5)))
            .execute((instance, context) -> poller.poll());
    }
}
