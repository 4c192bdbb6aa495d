package org.redress.lessons;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Alerting the owners of overdue actions, as a db-scheduler recurring task (one node per execution). */
@Configuration(proxyBeanMethods = false)
class LessonSchedule {

    @Bean
    RecurringTask<Void> overdueActionsSweep(OverdueActions overdue) {
        return Tasks.recurring("lessons-overdue-actions", FixedDelay.of(Duration.ofMinutes(1)))
            .execute((instance, context) -> overdue.alertOwners());
    }
}
