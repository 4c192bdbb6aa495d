package org.redress.promises;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Breaking overdue promises, as a db-scheduler recurring task (one node per execution). */
@Configuration(proxyBeanMethods = false)
class PromiseSchedule {

    @Bean
    RecurringTask<Void> promisesSweep(PromiseKeeping promises) {
        return Tasks.recurring("promises-sweep", FixedDelay.of(Duration.ofSeconds(30)))
            .execute((instance, context) -> promises.breakOverdue());
    }
}
