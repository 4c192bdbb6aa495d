package org.redress.sla;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The SLA sweep as a db-scheduler recurring task: persisted in the database and picked by
 * one node at a time, so several application nodes never run it at once.
 */
@Configuration(proxyBeanMethods = false)
class SlaSchedule {

    @Bean
    RecurringTask<Void> slaSweep(SlaTimers timers) {
        return Tasks.recurring("sla-sweep", FixedDelay.of(Duration.ofSeconds(2)))
            .execute((instance, context) -> timers.fireDue());
    }
}
