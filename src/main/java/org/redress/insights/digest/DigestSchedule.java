package org.redress.insights.digest;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The weekly digest as a db-scheduler recurring task, run on one node at a time: every five
 * minutes it sends the digest now due to whoever has not had it (nobody, most of the time), so
 * it goes out within minutes of its time, and later that week if no node ran then. A fixed
 * delay rather than a weekly cron: a node that starts after the time catches up at once, and
 * the week due is decided by the application's clock. Off entirely with
 * {@code redress.insights.digest.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class DigestSchedule {

    static final Duration CHECK_EVERY = Duration.ofMinutes(5);

    @Bean
    @ConditionalOnProperty(name = "redress.insights.digest.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> weeklyDigestTask(WeeklyDigest digest) {
        return Tasks.recurring("insights-weekly-digest", FixedDelay.of(CHECK_EVERY))
            .execute((instance, context) -> digest.sendDue());
    }
}
