package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.Http;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** Admins keep the remedy catalog, the authority matrix and the fair-offer rules in the console; leads read them. */
class RemedyPolicyBrowserTests extends BrowserTest {

    @Test
    void anAdminAddsARemedyToTheCatalogSeesItAndRetiresIt() {
        String code = "voucher-" + unique();
        page.navigate(url("/admin/remedies"));

        page.locator("#type-code").fill(code);
        page.locator("#type-label").fill("Shop voucher");
        page.locator("#type-kind").selectOption("ACCOUNT_CREDIT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to catalog")).click();

        assertThat(page.locator(".flash.success")).containsText("Added Shop voucher to the catalog");
        Locator row = page.locator("tr[data-type='" + code + "']");
        assertThat(row.getByLabel("Name of " + code)).hasValue("Shop voucher");
        assertThat(row).containsText("Offered");

        page.onceDialog(dialog -> dialog.accept());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retire " + code)).click();
        assertThat(page.locator(".flash.success")).containsText("Retired Shop voucher");
        assertThat(row).containsText("Retired");
        org.assertj.core.api.Assertions.assertThat(admin().get("/api/v1/remedies/types").json().valueStream()
            .filter(t -> t.get("code").asString().equals(code)).findFirst().orElseThrow().get("active").asBoolean()).isFalse();
    }

    @Test
    void aBadCatalogEntryIsExplainedBesideItsFieldAndNothingIsAdded() {
        long before = count("remedy_types");
        page.navigate(url("/admin/remedies"));

        page.locator("#type-code").fill("Spa Day!");
        page.locator("#type-label").fill("Spa day");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to catalog")).click();

        assertThat(page.locator("#type-code + .field-error")).containsText("lower-case letters, digits and hyphens");
        assertThat(page.locator("#type-code")).hasValue("Spa Day!");
        assertThat(page.locator("#type-label")).hasValue("Spa day");

        page.locator("#type-code").fill("refund");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to catalog")).click();
        assertThat(page.locator("#type-code + .field-error")).containsText("already in the catalog");
        org.assertj.core.api.Assertions.assertThat(count("remedy_types")).isEqualTo(before);
    }

    @Test
    void anAdminSetsALeadsAuthorityLimitAndABackwardsLimitChangesNothing() {
        String code = "gift-" + unique();
        admin().put("/api/v1/remedies/types/" + code, Map.of("label", "Gift " + code, "kind", "goodwill"));
        page.navigate(url("/admin/remedies"));

        page.locator("#limit-holder").selectOption("role:LEAD");
        page.locator("#limit-type").selectOption(code);
        page.locator("#limit-case").fill("40.00");
        page.locator("#limit-month").fill("400.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set limit")).click();

        assertThat(page.locator(".flash.success")).containsText("40.00 per case, 400.00 per month");
        Locator row = page.locator("tr[data-limit='Every lead · Gift " + code + "']");
        assertThat(row.locator("input[name=perMonth]")).hasValue("400.00");

        row.locator("input[name=perMonth]").fill("10.00");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the limit of Every lead, Gift " + code)).click();

        assertThat(row.locator(".field-error")).containsText("must be at least the per-case limit");
        assertThat(row.locator("input[name=perMonth]")).hasValue("10.00");
        org.assertj.core.api.Assertions.assertThat(admin().get("/api/v1/remedies/authority-limits").json().valueStream()
            .filter(l -> l.get("type").asString().equals(code)).findFirst().orElseThrow().get("perMonth").asString())
            .isEqualTo("400.00");
    }

    @Test
    void anAdminGivesOnePersonTheirOwnLimit() {
        String code = "credit-" + unique();
        admin().put("/api/v1/remedies/types/" + code, Map.of("label", "Credit " + code, "kind", "account_credit"));
        Person agent = member("agent", null);
        String name = name(agent);
        page.navigate(url("/admin/remedies"));

        page.locator("#limit-holder").selectOption("user:" + agent.id());
        page.locator("#limit-type").selectOption(code);
        page.locator("#limit-case").fill("15.00");
        page.locator("#limit-month").fill("60.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set limit")).click();

        assertThat(page.locator("tr[data-limit='" + name + " (own limit) · Credit " + code + "']")).isVisible();
    }

    @Test
    void anAdminAddsAFairOfferRuleChangesItAndABackwardsRangeIsExplained() {
        String category = "rule-" + unique();
        admin().put("/api/v1/taxonomy/categories/" + category, Map.of("label", "Rule " + category));
        page.navigate(url("/admin/remedies"));

        page.locator("#rule-category").selectOption(category);
        page.getByLabel("Customer tier").selectOption("vip");
        page.locator("#rule-type").selectOption("replacement");
        page.locator("#rule-from").fill("30.00");
        page.locator("#rule-to").fill("10.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
        assertThat(page.locator("#rule-to + .field-error")).containsText("must be at least from");
        assertThat(page.getByLabel("Customer tier")).hasValue("vip");

        page.locator("#rule-to").fill("45.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
        assertThat(page.locator(".flash.success")).containsText("Added the rule");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(category));
        assertThat(row).containsText("30.00–45.00 EUR");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Edit rule"))).click();
        assertThat(page.locator("#rule-from")).hasValue("30.00");
        page.locator("#rule-from").fill("20.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rule")).click();
        assertThat(page.locator(".flash.success")).containsText("Saved the rule");
        assertThat(row).containsText("20.00–45.00 EUR");
        assertThat(row).containsText("vip");
    }

    @Test
    void aLeadReadsThePolicyFromApprovalsButCannotChangeIt() {
        String email = "lead-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Lea", "password", "lea-password-12", "role", "lead"));
        page.context().clearCookies();
        signIn(email, "lea-password-12");

        page.navigate(url("/approvals"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
            "See the remedy catalog, the authority matrix and the fair-offer rules.")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Authority matrix"))).isVisible();
        assertThat(page.locator("tr[data-type='refund']")).containsText("Refund");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to catalog"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users & teams"))).hasCount(0);
        // With the page's own CSRF token, so only the role can be what refuses it.
        String csrf = Http.JSON.readTree(page.locator("body").getAttribute("hx-headers")).get("X-CSRF-TOKEN").asString();
        org.assertj.core.api.Assertions.assertThat(page.request().post(url("/admin/remedies/types"),
            com.microsoft.playwright.options.RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf)
                .setForm(com.microsoft.playwright.options.FormData.create()
                .set("code", "sneaky").set("label", "Sneaky").set("kind", "GOODWILL"))).status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(count("remedy_types where code = 'sneaky'")).isZero();
    }
}
