package org.redress.communications;

/**
 * Posts to a social network. A real network's connector is a small class implementing
 * this; Redress ships {@link WebhookSocialConnector}, which hands each post to a URL (an
 * integration service that holds the network's credentials).
 */
public interface SocialConnector {

    /** A post: public (a reply under their post) or private (a direct message). */
    record Post(String network, String handle, boolean publicly, String text, String messageId) {}

    /** Posts it, or throws to have it retried. */
    void post(Post post) throws Exception;

    /** False while it cannot post at all (e.g. not configured): posts then wait in the outbox. */
    default boolean ready() {
        return true;
    }
}
