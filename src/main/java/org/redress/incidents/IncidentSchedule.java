package org.redress.incidents;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The incident sweeps as db-scheduler recurring tasks (one node per execution): notices, then linked cases. */
@Configuration(proxyBeanMethods = false)
class IncidentSchedule {

    @Bean
    RecurringTask<Void> incidentNoticeSweep(IncidentNotices notices) {
        return Tasks.recurring("incident-notice-sweep", FixedDelay.of(Duration.ofSeconds(1)))
            .execute((instance, context) -> notices.notifyDue());
    }

    @Bean
    RecurringTask<Void> incidentCaseSweep(IncidentCases cases) {
        return Tasks.recurring("incident-case-sweep", FixedDelay.of(Duration.ofSeconds(2)))
            .execute((instance, context) -> cases.openDue());
    }
}
