/**
 * What every module relies on but none owns: the clock, error responses as RFC 9457
 * problem documents, the published OpenAPI document, the console's error page, limits on
 * waiting for the database, the read replica's routing ({@link org.redress.platform.ReadReplica}),
 * and telling every node that rows it keeps in memory changed ({@link org.redress.platform.ChangeNotices}).
 * Publishes and listens to nothing.
 */
@NullMarked
package org.redress.platform;

import org.jspecify.annotations.NullMarked;
