/**
 * Demo data: with {@code --demo} or {@code REDRESS_DEMO=true}, a new installation gets a
 * team, users and realistic cases at every stage of the playbook, so a first-time user
 * sees a living product. Goes through the same module APIs as real work; never runs twice.
 */
@NullMarked
package org.redress.demo;

import org.jspecify.annotations.NullMarked;
