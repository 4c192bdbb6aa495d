/**
 * Value types every module may use: the acting person, and the failures a request can
 * meet (invalid input, not found, conflict, forbidden), and small helpers for text, checks
 * and secrets. No beans live here.
 */
@NullMarked
package org.redress.shared;

import org.jspecify.annotations.NullMarked;
