/**
 * Who may do what: users with one role each (agent, lead, manager, admin, or integration:
 * a business system with tokens an admin issues, confined to posting complaints, business
 * events and inbound messages), teams, API tokens, sign-in for the console (form login) and
 * the API (bearer tokens, HTTP Basic). Which cases a person may act on is the cases module's.
 * Exposes {@link org.redress.identity.UserManagement} and the signed-in
 * {@link org.redress.identity.RedressUser}; every change is written to the audit log.
 */
@NullMarked
package org.redress.identity;

import org.jspecify.annotations.NullMarked;
