package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.Http;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An admin manages users, the taxonomy and reads the audit log in the console. */
class AdminConsoleBrowserTests extends BrowserTest {

    @Test
    void thePeopleAreShownFiftyAtATimeNewestFirstAndFoundBySearch() {
        String tag = unique();
        for (int i = 0; i < 51; i++) {
            admin().post("/api/v1/users", Map.of("email", "many-" + i + "-" + tag + "@test.redress", "name", "Many " + i + " " + tag,
                "password", "many-password-1", "role", "agent"));
        }

        page.navigate(url("/admin/users"));

        Locator people = page.locator("table.list").first().locator("tbody tr");
        assertThat(people).hasCount(50);
        assertThat(people.first()).hasAttribute("data-user", "many-50-" + tag + "@test.redress");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of people"))).containsText("Page 1 of");
        page.getByLabel("Find a person").fill("many-7-" + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        assertThat(people).hasCount(1);
        assertThat(people.first()).hasAttribute("data-user", "many-7-" + tag + "@test.redress");
    }

    @Test
    void anAdminAddsAUserPromotesThemAndDeactivatesThem() {
        String email = "nina-" + unique() + "@test.redress";
        page.navigate(url("/admin/users"));

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Nina Brandt");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Initial password").fill("nina-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        assertThat(page.locator(".flash.success")).containsText("Added Nina Brandt as agent");

        Locator row = page.locator("tr[data-user='" + email + "']");
        row.getByLabel("Role").selectOption("LEAD");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".flash.success")).containsText("Saved Nina Brandt");
        assertThat(row.getByLabel("Role")).hasValue("LEAD");

        page.onceDialog(dialog -> dialog.accept());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();
        assertThat(row).containsText("Deactivated");
    }

    @Test
    void theUsersTableShowsRoleAndTeamInTheirColumns() {
        long team = newTeam("Returns");
        String teamName = admin().get("/api/v1/teams").json().valueStream()
            .filter(t -> t.get("id").asLong() == team).findFirst().orElseThrow().get("name").asString();
        String email = "tom-" + unique() + "@test.redress";
        admin().post("/api/v1/users", java.util.Map.of("email", email, "name", "Tom", "password", "tom-password-12",
            "role", "agent", "teamId", team));

        page.navigate(url("/admin/users"));

        Locator row = page.locator("tr[data-user='" + email + "']");
        int roleColumn = headerIndex("Role");
        int teamColumn = headerIndex("Team");
        assertThat(row.locator("td").nth(roleColumn).getByLabel("Role")).hasValue("AGENT");
        assertThat(row.locator("td").nth(teamColumn).getByLabel("Team")).hasValue(String.valueOf(team));
        assertThat(row.locator("td").nth(teamColumn).locator("option:checked")).hasText(teamName);
    }

    @Test
    void deactivatingAUserAsksFirstAndNothingChangesWhenTheAdminSaysNo() {
        String email = "ida-" + unique() + "@test.redress";
        admin().post("/api/v1/users", java.util.Map.of("email", email, "name", "Ida Berg", "password", "ida-password-12",
            "role", "agent"));
        page.navigate(url("/admin/users"));
        Locator row = page.locator("tr[data-user='" + email + "']");
        java.util.List<String> asked = new java.util.ArrayList<>();

        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();

        assertThat(row.locator(".badge")).hasText("Active");
        org.assertj.core.api.Assertions.assertThat(asked).singleElement().asString()
            .startsWith("Deactivate Ida Berg?").contains("can no longer sign in");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select active from users where email = ?").param(email)
            .query(Boolean.class).single()).isTrue();

        page.onceDialog(dialog -> dialog.accept());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();
        assertThat(page.locator(".flash.success")).containsText("Deactivated Ida Berg");
        assertThat(row.locator(".badge")).hasText("Deactivated");
    }

    private int headerIndex(String name) {
        java.util.List<String> headers = page.locator("table.list").first().locator("thead th").allTextContents();
        return headers.indexOf(name);
    }

    @Test
    void aDeactivatedUsersOpenSessionEndsAtOnce() {
        String email = "otto-" + unique() + "@test.redress";
        long id = admin().post("/api/v1/users", java.util.Map.of("email", email, "name", "Otto", "password",
            "otto-password-1", "role", "agent")).json().get("id").asLong();
        page.context().clearCookies();
        signIn(email, "otto-password-1");

        admin().patch("/api/v1/users/" + id, java.util.Map.of("active", false));
        page.navigate(url("/cases"));

        assertThat(page).hasURL(url("/login?signedOut"));
    }

    @Test
    void aBadPasswordIsExplainedAndNoUserIsAdded() {
        page.navigate(url("/admin/users"));
        long before = count("users");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Short");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("short-" + unique() + "@test.redress");
        page.locator("#new-password").evaluate("field => field.removeAttribute('minlength')");
        page.getByLabel("Initial password").fill("tiny");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("at least 10 characters");
        org.assertj.core.api.Assertions.assertThat(count("users")).isEqualTo(before);
    }

    @Test
    void anAdminAddsACategoryThatIntakeThenAccepts() {
        String code = "parking-" + unique();
        page.navigate(url("/admin/taxonomy"));

        page.getByLabel("New category code").fill(code);
        page.getByLabel("New category label").fill("Parking problems");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add category")).click();

        assertThat(page.locator(".flash.success")).containsText("Saved " + code);
        assertThat(page.locator("tr[data-code='" + code + "']")).isVisible();
        org.assertj.core.api.Assertions.assertThat(admin().post("/api/v1/complaints", complaint("C-" + unique(), code)).status())
            .isEqualTo(201);
    }

    @Test
    void theAuditLogShowsWhoChangedWhat() {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + number + "/acknowledge", java.util.Map.of());

        page.navigate(url("/admin/audit?subject=case:" + number));

        // Opened, acknowledged, and the update that told the customer so.
        assertThat(page.locator("table.list tbody tr")).hasCount(3);
        assertThat(page.locator("table.list")).containsText("case.acknowledged");
        assertThat(page.locator("table.list")).containsText("customer.update");
        assertThat(page.locator("table.list")).containsText("Administrator");
    }

    @Test
    void theAuditLogIsFilteredByActorActionAndDayAndTheFiltersStayInTheAddress() {
        String leadName = "Lena " + unique();
        String email = "lena-" + unique() + "@test.redress";
        admin().post("/api/v1/users", java.util.Map.of("email", email, "name", leadName, "password", "lena-password-12",
            "role", "lead"));
        Http lead = Http.basic(port, email, "lena-password-12");
        String number = open(lead, "C-" + unique()).get("number").asString();
        open(admin(), "C-" + unique());
        page.navigate(url("/admin/audit"));

        page.getByLabel("Who").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(leadName));
        page.getByLabel("Action").selectOption("case.opened");
        page.locator("#f-from").fill(today().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile("action=case\\.opened.*from=" + today()));
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        assertThat(page.locator("table.list tbody tr")).containsText("case:" + number);
        assertThat(page.locator("table.list tbody tr")).containsText(leadName);
        assertThat(page.getByLabel("Action")).hasValue("case.opened");

        page.reload();
        assertThat(page.locator("table.list tbody tr")).hasCount(1);

        page.locator("#f-to").fill(today().minusDays(2).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("#f-to-error")).containsText("must be on or after the from date");
        assertThat(page.locator("table.list tbody tr")).hasCount(0);
    }

    @Test
    void anAdminAddsABusinessHoursCalendarAndAPolicyWhoseTargetsReadInBusinessHours() {
        String calendar = "Office " + unique();
        page.navigate(url("/admin/sla"));

        page.getByLabel("Monday").fill("09:00-12:00, 11:00-13:00");
        page.locator("#c-name").fill(calendar);
        page.getByLabel("Time zone").fill("Europe/Madrid");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add calendar")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("overlapping hours on Monday");
        assertThat(page.locator("#c-hours-error")).containsText("overlapping hours on Monday");
        assertThat(page.locator("#c-name")).hasValue(calendar);

        page.getByLabel("Monday").fill("09:00-13:00, 14:00-18:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add calendar")).click();
        assertThat(page.locator(".flash.success")).containsText("Added the calendar " + calendar);

        String policy = "Weekday office " + unique();
        page.locator("#p-name").fill(policy);
        page.locator("#p-ack").fill("1");
        page.locator("#p-resolve").fill("8");
        page.locator("#p-fulfil").fill("2");
        page.locator("#p-fulfil-unit").selectOption("DAYS");
        page.locator("#p-follow").fill("24");
        page.locator("#p-calendar").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(calendar));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add policy")).click();

        // A business day has no one length: under a calendar the target is asked for in hours, and nothing is saved.
        assertThat(page.locator("#p-fulfil-error")).containsText("give hours");
        assertThat(page.locator("#p-name")).hasValue(policy);
        assertThat(page.locator("tr[data-policy='" + policy + "']")).hasCount(0);

        page.locator("#p-fulfil").fill("16");
        page.locator("#p-fulfil-unit").selectOption("HOURS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add policy")).click();

        assertThat(page.locator(".flash.success")).containsText("Added the policy " + policy);
        Locator row = page.locator("tr[data-policy='" + policy + "']");
        assertThat(row).containsText("1 business hour");
        assertThat(row).containsText("8 business hours");
        assertThat(row).containsText("16 business hours");
    }

    @Test
    void anAdminEntersTargetsInHoursAndDaysAndChoosesTheChannelAndTier() {
        String policy = "Chat VIP " + unique();
        page.navigate(url("/admin/sla"));

        page.locator("#p-name").fill(policy);
        page.getByLabel("Channel").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Chat"));
        page.getByLabel("Tier").selectOption("vip");
        page.locator("#p-ack").fill("4");
        page.locator("#p-resolve").fill("2");
        page.locator("#p-resolve-unit").selectOption("DAYS");
        page.locator("#p-fulfil").fill("1.5");
        page.locator("#p-fulfil-unit").selectOption("DAYS");
        page.locator("#p-follow").fill("3");
        page.locator("#p-follow-unit").selectOption("DAYS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add policy")).click();

        assertThat(page.locator(".flash.success")).containsText("Added the policy " + policy);
        Locator row = page.locator("tr[data-policy='" + policy + "']");
        assertThat(row).containsText("any severity · Chat · vip");
        assertThat(row.locator("td").nth(2)).hasText("4 h");
        assertThat(row.locator("td").nth(3)).hasText("2 days");
        assertThat(row.locator("td").nth(4)).hasText("1 day 12 h");
        assertThat(row.locator("td").nth(5)).hasText("3 days");
        tools.jackson.databind.JsonNode saved = admin().get("/api/v1/sla/policies").json().valueStream()
            .filter(p -> p.get("name").asString().equals(policy)).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(saved.get("acknowledgeMinutes").asInt()).isEqualTo(240);
        org.assertj.core.api.Assertions.assertThat(saved.get("fulfilMinutes").asInt()).isEqualTo(2160);
        org.assertj.core.api.Assertions.assertThat(saved.get("channel").asString()).isEqualTo("chat");

        page.getByLabel("Edit " + policy).click();
        assertThat(page.locator("#p-resolve")).hasValue("2");
        assertThat(page.locator("#p-resolve-unit")).hasValue("DAYS");
        assertThat(page.locator("#p-fulfil")).hasValue("36");
        assertThat(page.locator("#p-fulfil-unit")).hasValue("HOURS");
        assertThat(page.getByLabel("Tier")).hasValue("vip");
    }

    @Test
    void anAdminChangesAPolicysEscalationRulesRefusesABadTargetAndDeletesIt() {
        String name = "Chat low " + unique();
        long team = newTeam("Escalations");
        String teamName = admin().get("/api/v1/teams").json().valueStream()
            .filter(t -> t.get("id").asLong() == team).findFirst().orElseThrow().get("name").asString();
        long id = admin().post("/api/v1/sla/policies", java.util.Map.of("name", name, "tier", "vip", "channel", "chat",
            "severity", 4, "acknowledgeMinutes", 120, "resolveMinutes", 600, "fulfilMinutes", 1440, "followUpMinutes", 1440))
            .json().get("id").asLong();
        page.navigate(url("/admin/sla"));

        page.getByLabel("Edit " + name).click();
        assertThat(page.locator("#p-name")).hasValue(name);
        assertThat(page.locator("#p-ack")).hasValue("2");
        assertThat(page.locator("#p-ack-unit")).hasValue("HOURS");
        page.locator("#p-ack").fill("45");
        page.locator("#p-ack-unit").selectOption("MINUTES");
        page.getByLabel("Raise the severity one level").check();
        page.locator("#p-esc-team").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(teamName));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save policy")).click();

        assertThat(page.locator(".flash.success")).containsText("Saved the policy " + name);
        Locator row = page.locator("tr[data-policy='" + name + "']");
        assertThat(row).containsText("45 min");
        assertThat(row).containsText("move to " + teamName);
        assertThat(row).containsText("raise severity");

        page.getByLabel("Edit " + name).click();
        page.locator("#p-ack").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save policy")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("must be more than zero");
        assertThat(page.locator("#p-ack-error")).containsText("must be more than zero");
        assertThat(page.locator("#p-ack")).hasValue("0");
        org.assertj.core.api.Assertions.assertThat(admin().get("/api/v1/sla/policies").json().valueStream()
            .filter(p -> p.get("id").asLong() == id).findFirst().orElseThrow().get("acknowledgeMinutes").asInt()).isEqualTo(45);

        page.navigate(url("/admin/sla"));
        page.onceDialog(dialog -> dialog.accept());
        page.getByLabel("Delete " + name).click();
        assertThat(page.locator(".flash.success")).containsText("Deleted the policy");
        assertThat(row).hasCount(0);
    }

    @Test
    void anAdminPreviewsAndSavesATemplateAndAnUnknownVariableIsExplained() {
        page.navigate(url("/admin/templates"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit FOLLOW_UP email en")).click();
        assertThat(page.locator("#t-body")).hasValue(java.util.regex.Pattern.compile("^Dear \\{\\{customer.name}}"));

        page.locator("#t-body").fill("Hello {{customer.name}}, is all well with {{case.number}}? {{agent.name}}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.getByTestId("template-preview")).containsText("Hello Maria Lopez, is all well with RC-000123? Administrator");

        page.locator("#t-body").fill("Hello {{customer.frist}}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.getByTestId("template-preview")).containsText("unknown variable {{customer.frist}}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("{{customer.frist}}");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit FOLLOW_UP email en")).click();
        page.locator("#t-body").fill("Hello {{customer.name}}, is everything right now? Reply either way. {{agent.name}}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.locator(".flash.success")).containsText("Saved the follow up template for email (en)");
    }

    @Test
    void anAgentCannotOpenAdminPages() {
        String email = "agent-" + unique() + "@test.redress";
        admin().post("/api/v1/users", java.util.Map.of("email", email, "name", "Ali", "password", "ali-password-12",
            "role", "agent"));
        page.context().clearCookies();
        signIn(email, "ali-password-12");

        com.microsoft.playwright.Response response = page.navigate(url("/admin/users"));

        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Queue").setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin").setExact(true))).hasCount(0);
    }
}
