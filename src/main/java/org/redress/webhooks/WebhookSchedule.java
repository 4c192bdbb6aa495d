package org.redress.webhooks;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Posting due webhook deliveries, as a db-scheduler recurring task: one node at a time, every second or two. */
@Configuration(proxyBeanMethods = false)
class WebhookSchedule {

    @Bean
    RecurringTask<Void> webhookSending(WebhookSender sender) {
        return Tasks.recurring("webhook-sender", FixedDelay.of(Duration.ofSeconds(1)))
            .execute((instance, context) -> sender.sendDue());
    }
}
