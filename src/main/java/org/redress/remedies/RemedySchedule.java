package org.redress.remedies;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Flagging late approval decisions, as a db-scheduler recurring task (one node per execution). */
@Configuration(proxyBeanMethods = false)
class RemedySchedule {

    @Bean
    RecurringTask<Void> approvalsSweep(OverdueApprovals overdue) {
        return Tasks.recurring("approvals-sweep", FixedDelay.of(Duration.ofSeconds(30)))
            .execute((instance, context) -> overdue.flag());
    }
}
