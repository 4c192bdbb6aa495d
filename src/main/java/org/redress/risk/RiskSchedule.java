package org.redress.risk;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The risk sweeps as db-scheduler recurring tasks (one node per execution). */
@Configuration(proxyBeanMethods = false)
class RiskSchedule {

    @Bean
    RecurringTask<Void> riskPendingSweep(RiskSweep sweep) {
        return Tasks.recurring("risk-pending-sweep", FixedDelay.of(Duration.ofSeconds(2)))
            .execute((instance, context) -> sweep.addPending(20_000));
    }

    @Bean
    RecurringTask<Void> fallingActivitySweep(RiskSweep sweep) {
        return Tasks.recurring("falling-activity-sweep", FixedDelay.of(Duration.ofHours(1)))
            .execute((instance, context) -> sweep.findFallingActivity());
    }
}
