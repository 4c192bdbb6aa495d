package org.redress.customers;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The search indexes' merge as a db-scheduler recurring task (one node per execution). */
@Configuration(proxyBeanMethods = false)
class CustomerSchedule {

    @Bean
    RecurringTask<Void> customerSearchMerge(SearchIndexMerge merge,
                                            @Value("${redress.customers.search-merge-every:2s}") Duration every) {
        return Tasks.recurring("customer-search-merge", FixedDelay.of(every))
            .execute((instance, context) -> merge.merge());
    }
}
