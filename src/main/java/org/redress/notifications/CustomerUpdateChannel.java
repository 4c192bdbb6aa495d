package org.redress.notifications;

/**
 * The port through which customer updates reach the customer: an email channel puts them
 * in its outbox, a messaging channel posts them. Every Spring bean implementing it receives
 * each update, inside the transaction that changed the case, after the update is on the
 * timeline; an implementation must therefore only record what to send (an outbox row) and
 * leave the sending to after the commit. Without any channel, updates are recorded on the
 * timeline only, for the agent to pass on.
 */
public interface CustomerUpdateChannel {

    void deliver(CustomerUpdate update);
}
