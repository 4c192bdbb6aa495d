package org.redress.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created at first start when there are no users
 * ({@code REDRESS_ADMIN_EMAIL}, {@code REDRESS_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("redress.admin")
record AdminSettings(@Nullable String email, @Nullable String password) {
}
