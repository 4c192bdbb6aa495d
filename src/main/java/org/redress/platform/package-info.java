/**
 * What every module relies on but none owns: the clock, error responses as RFC 9457
 * problem documents, the published OpenAPI document, and the console's error page.
 * Publishes and listens to nothing.
 */
@NullMarked
package org.redress.platform;

import org.jspecify.annotations.NullMarked;
