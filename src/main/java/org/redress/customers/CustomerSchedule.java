package org.redress.customers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The search indexes' merge as a db-scheduler recurring task (one node per execution). */
@Configuration(proxyBeanMethods = false)
class CustomerSchedule {

    @Bean
    RecurringTask<Void> customerSearchMerge(SearchIndexMerge merge, CustomerSettings settings) {
        return Tasks.recurring("customer-search-merge", FixedDelay.of(settings.searchMergeEvery()))
            .execute((instance, context) -> merge.merge());
    }
}
