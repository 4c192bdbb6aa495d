package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A policy saved before tiers were checked is never changed behind the admin's back. */
class TimeTargetBrowserTests extends BrowserTest {

    @Test
    void aPolicyWhoseTierIsNoLongerConfiguredShowsItAndSavingItAsIsIsExplained() {
        String name = "Gold " + unique();
        long id = admin().post("/api/v1/sla/policies", Map.of("name", name, "tier", "vip", "acknowledgeMinutes", 60,
            "resolveMinutes", 600, "fulfilMinutes", 1440, "followUpMinutes", 1440)).json().get("id").asLong();
        // As an older version of Redress, which took any tier, could have left it.
        jdbc.sql("update sla_policies set tier = 'gold' where id = ?").param(id).update();
        page.navigate(url("/admin/sla"));

        page.getByLabel("Edit " + name).click();
        assertThat(page.getByLabel("Tier")).hasValue("gold");
        assertThat(page.locator("#p-tier option:checked")).hasText("gold (not a configured tier)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save policy")).click();

        assertThat(page.locator("#p-tier ~ .field-error")).containsText("'gold' is not a tier");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select tier from sla_policies where id = ?").param(id)
            .query(String.class).single()).isEqualTo("gold");

        page.getByLabel("Tier").selectOption("premium");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save policy")).click();
        assertThat(page.locator(".flash.success")).containsText("Saved the policy " + name);
        assertThat(page.locator("tr[data-policy='" + name + "']")).containsText("premium");
    }
}
