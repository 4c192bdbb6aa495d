package org.redress.insights;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The facts' refresh (cases, then business events) as a db-scheduler recurring task, one node at a time: reports are at most
 * {@code redress.insights.refresh-every} (30 s) behind the cases, more while a backlog is
 * worked off ({@link CaseFacts#BATCH} cases a batch, batches for up to 20 s a run).
 */
@Configuration(proxyBeanMethods = false)
class InsightsSchedule {

    @Bean
    RecurringTask<Void> insightsRefresh(CaseFacts facts, @Value("${redress.insights.refresh-every:30s}") Duration every) {
        return Tasks.recurring("insights-refresh", FixedDelay.of(every))
            .execute((instance, context) -> {
                // A backlog (a full batch) is worked off batch after batch, for up to 20 s a run.
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (facts.refresh() == facts.batch() && System.nanoTime() < until) {
                    // next batch
                }
                // Then the business events stored since the last run, for retention.
                while (facts.refreshActivity() == CaseFacts.EVENT_BATCH && System.nanoTime() < until) {
                    // next batch
                }
            });
    }

    /** Today's iceberg, recorded every hour so the day keeps its last count ({@link IcebergHistory}). */
    @Bean
    RecurringTask<Void> insightsIceberg(IcebergHistory iceberg) {
        return Tasks.recurring("insights-iceberg", FixedDelay.of(Duration.ofHours(1)))
            .execute((instance, context) -> iceberg.record());
    }
}
