package org.redress.webhooks;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Sends again, every 30 s and one node at a time, the event publications that failed, such as
 * messages the broker did not take while it was down. Only failed ones: a publication still being
 * sent by its node is left to it. Registered whether or not the broker is on (a task that came
 * and went with the setting would be left behind in the scheduler's table), and idle when off:
 * without a broker, failed publications wait for the next start as before.
 */
@Configuration(proxyBeanMethods = false)
class BrokerResubmission {

    @Bean
    RecurringTask<Void> brokerResubmitting(Environment environment, ObjectProvider<FailedEventPublications> failed) {
        return Tasks.recurring("broker-resubmission", FixedDelay.of(Duration.ofSeconds(30)))
            .execute((instance, context) -> {
                if (environment.getProperty("redress.broker.enabled", Boolean.class, false)) {
                    failed.ifAvailable(publications -> publications.resubmit(ResubmissionOptions.defaults()));
                }
            });
    }
}
