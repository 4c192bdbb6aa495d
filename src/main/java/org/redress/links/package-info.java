/**
 * Customer links: the private addresses through which a customer, without an account, opens
 * their case page ({@code /c/…}), a survey ({@code /s/…}) or an incident page ({@code /i/…}).
 * Owns how each kind of link is made and checked ({@link org.redress.links.CaseLinks}: signed,
 * expiring, the latest issued per case remembered; {@link org.redress.links.RandomToken}:
 * random secrets of which the owning module stores only the hash), the throttle that refuses
 * a client presenting too many bad links, and the pages every customer link shares: their
 * layout and the one "not valid" page, reached by throwing {@link org.redress.links.BadLink}.
 * The pages' content stays with the modules that own it (remedies, surveys, incidents,
 * communications). Publishes and listens to nothing; depends on no feature module.
 */
@NullMarked
package org.redress.links;

import org.jspecify.annotations.NullMarked;
