/**
 * What every module relies on but none owns: the clock, error responses as RFC 9457
 * problem documents, the published OpenAPI document, the console's error page, limits on
 * waiting for the database, and the read replica's routing ({@link org.redress.platform.ReadReplica}).
 * Publishes and listens to nothing.
 */
@NullMarked
package org.redress.platform;

import org.jspecify.annotations.NullMarked;
