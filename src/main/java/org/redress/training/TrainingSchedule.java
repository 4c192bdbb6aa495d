package org.redress.training;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Telling holders that a certification ends soon and that it has ended, as a db-scheduler
 * recurring task (one node per execution). The authority itself drops back at the moment of
 * expiry without it: the remedies read the raise's end.
 */
@Configuration(proxyBeanMethods = false)
class TrainingSchedule {

    @Bean
    RecurringTask<Void> certificatesSweep(Certifications certifications) {
        return Tasks.recurring("certificates-sweep", FixedDelay.of(Duration.ofMinutes(5)))
            .execute((instance, context) -> certifications.sweep());
    }
}
