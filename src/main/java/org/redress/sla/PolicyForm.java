package org.redress.sla;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Checks;
import org.redress.shared.FormFields;
import org.redress.shared.InvalidInput;

/**
 * The SLA policy form as the page holds it: every field as text, so a refused form shows
 * exactly what was typed. Targets are an amount and a unit per target ({@code acknowledge}
 * and {@code acknowledgeUnit}), turned into the minutes a policy stores.
 */
record PolicyForm(Map<String, String> values) {

    /** The targets, by the name of their form field. */
    static final List<String> TARGETS = List.of("acknowledge", "resolve", "fulfil", "followUp");

    PolicyForm {
        values = Map.copyOf(values);
    }

    static PolicyForm blank() {
        Map<String, String> values = new HashMap<>(Map.of("warnAtPercent", "80", "escalationNotifyLeads", "true"));
        TARGETS.forEach(target -> values.put(target + "Unit", TargetTime.Unit.HOURS.name()));
        return new PolicyForm(values);
    }

    static PolicyForm of(SlaPolicy policy) {
        Map<String, String> values = new HashMap<>();
        values.put("name", policy.name());
        values.put("severity", policy.severity() == null ? "" : String.valueOf(policy.severity()));
        values.put("channel", policy.channel() == null ? "" : policy.channel());
        values.put("tier", policy.tier() == null ? "" : policy.tier());
        minutes(policy).forEach((target, minutes) -> {
            TargetTime time = TargetTime.of(minutes, policy.calendarId() != null);
            values.put(target, time.amount().toPlainString());
            values.put(target + "Unit", time.unitName());
        });
        values.put("warnAtPercent", String.valueOf(policy.warnAtPercent()));
        values.put("calendarId", policy.calendarId() == null ? "" : String.valueOf(policy.calendarId()));
        values.put("escalationTeamId", policy.escalationTeamId() == null ? "" : String.valueOf(policy.escalationTeamId()));
        values.put("escalationAssigneeId", policy.escalationAssigneeId() == null ? "" : String.valueOf(policy.escalationAssigneeId()));
        if (policy.escalationNotifyLeads()) {
            values.put("escalationNotifyLeads", "true");
        }
        if (policy.escalationRaiseSeverity()) {
            values.put("escalationRaiseSeverity", "true");
        }
        return new PolicyForm(values);
    }

    /** The text of a field, empty when it has none. */
    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean ticked(String field) {
        return values.containsKey(field);
    }

    /** What the form asks for; amounts and units that make no time are refused, each under its field. */
    static SlaManagement.PolicyDefinition definition(Map<String, String> form) {
        boolean businessHours = !blank(form.get("calendarId"));
        Checks checks = new Checks();
        Map<String, Integer> minutes = new HashMap<>();
        TARGETS.forEach(target -> minutes.put(target, checks.check(() ->
            TargetTime.minutes(target, form.get(target), form.get(target + "Unit"), businessHours))));
        Integer severity = checks.check(() -> FormFields.wholeNumber("severity", form.get("severity")));
        Integer warnAt = checks.check(() -> FormFields.wholeNumber("warnAtPercent", form.get("warnAtPercent")));
        Integer calendar = checks.check(() -> FormFields.wholeNumber("calendarId", form.get("calendarId")));
        Integer team = checks.check(() -> FormFields.wholeNumber("escalationTeamId", form.get("escalationTeamId")));
        Integer assignee = checks.check(() -> FormFields.wholeNumber("escalationAssigneeId", form.get("escalationAssigneeId")));
        checks.verify();
        return new SlaManagement.PolicyDefinition(form.get("name"), severity, blankToNull(form.get("channel")),
            blankToNull(form.get("tier")), minutes.get("acknowledge"), minutes.get("resolve"), minutes.get("fulfil"),
            minutes.get("followUp"), warnAt, id(calendar), id(team), id(assignee),
            // An unticked checkbox sends nothing.
            form.containsKey("escalationNotifyLeads"), form.containsKey("escalationRaiseSeverity"));
    }

    /** Each refusal under the form field it concerns (the API's {@code acknowledgeMinutes} is the form's {@code acknowledge}). */
    static Map<String, String> errorsByField(InvalidInput refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().forEach(error -> errors.merge(error.field().replace("Minutes", ""), error.message(),
            (a, b) -> a + "; " + b));
        return errors;
    }

    /** The policy's targets as people read them, by form field name. */
    static Map<String, String> targetsShown(SlaPolicy policy) {
        Map<String, String> shown = new HashMap<>();
        minutes(policy).forEach((target, value) -> shown.put(target, TargetTime.describe(value, policy.calendarId() != null)));
        return shown;
    }

    private static Map<String, Integer> minutes(SlaPolicy policy) {
        return Map.of("acknowledge", policy.acknowledgeMinutes(), "resolve", policy.resolveMinutes(),
            "fulfil", policy.fulfilMinutes(), "followUp", policy.followUpMinutes());
    }

    private static @Nullable Long id(@Nullable Integer value) {
        return value == null ? null : value.longValue();
    }


    private static @Nullable String blankToNull(@Nullable String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
