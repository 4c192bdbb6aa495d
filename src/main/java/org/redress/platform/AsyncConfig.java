package org.redress.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Module listeners run after the publishing transaction commits, on their own thread and transaction. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {
}
