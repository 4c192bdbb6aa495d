package org.redress.signals;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Processing stored business events, as a db-scheduler recurring task (one node per execution). */
@Configuration(proxyBeanMethods = false)
class SignalSchedule {

    @Bean
    RecurringTask<Void> signalsSweep(SignalProcessing processing) {
        return Tasks.recurring("signals-sweep", FixedDelay.of(Duration.ofSeconds(1)))
            .execute((instance, context) -> processing.processDue(20_000));
    }
}
