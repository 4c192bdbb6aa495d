/**
 * Demo data: with {@code --demo} or {@code REDRESS_DEMO=true}, a new installation gets two
 * teams, users and realistic cases at every stage of the playbook, so a first-time user
 * sees a living product; today's cases go through the same module APIs as real work. Behind
 * them, six months of closed cases ({@code DemoHistory}), written with SQL into each module's
 * documented columns because the services stamp every change with the present, so that the
 * Insights page has a story to tell. Never runs twice.
 */
@NullMarked
package org.redress.demo;

import org.jspecify.annotations.NullMarked;
