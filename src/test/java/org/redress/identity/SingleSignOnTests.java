package org.redress.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.Chromium;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import com.acme.idp.TestIdentityProvider;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import tools.jackson.databind.JsonNode;

/**
 * Staff sign in through a real OpenID Connect provider that the test starts: groups become a
 * role and a team, an account is made at the first sign-in, PKCE is used, a person in no mapped
 * group is refused with the reason, sign-out ends the session here and at the provider, and a
 * person removed at the provider cannot come back. With passwords switched off, only the
 * provider lets anyone into the console.
 */
class SingleSignOnTests {

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void groupsBecomeARoleAndATeamAndSignOutEndsBothSessions() throws Exception {
        int providerPort = freePort();
        try (ConfigurableApplicationContext node = Nodes.start(PostgresDatabase.fresh(), false, sso(providerPort, true));
             TestIdentityProvider provider = TestIdentityProvider.start(providerPort, base(node))) {
            provider.add("lena", new TestIdentityProvider.Person("lena-secret-1", "lena@acme.example", "Lena Berg",
                List.of("everyone", "support-leads", "returns")));
            provider.add("olaf", new TestIdentityProvider.Person("olaf-secret-1", "olaf@acme.example", "Olaf Lind",
                List.of("everyone", "marketing")));
            BrowserContext context = browser.newContext();
            Page page = context.newPage();
            List<String> toProvider = new CopyOnWriteArrayList<>();
            page.onRequest(request -> {
                if (request.url().startsWith(provider.issuer() + "/oauth2/authorize")) {
                    toProvider.add(request.url());
                }
            });

            signInAtProvider(page, node, "lena", "lena-secret-1");

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Recovery queue"))).isVisible();
            assertThat(page.locator(".account-link")).hasText("Lena Berg");
            assertThat(toProvider).isNotEmpty().allSatisfy(url -> assertThat(url).contains("code_challenge=")
                .contains("code_challenge_method=S256"));
            JsonNode lena = Nodes.admin(node).get("/api/v1/users").json().valueStream()
                .filter(user -> user.get("email").asString().equals("lena@acme.example")).findFirst().orElseThrow();
            assertThat(lena.get("role").asString()).isEqualTo("LEAD");
            JsonNode returns = Nodes.admin(node).get("/api/v1/teams").json().valueStream()
                .filter(team -> team.get("name").asString().equals("Returns")).findFirst().orElseThrow();
            assertThat(lena.get("teamId").asLong()).isEqualTo(returns.get("id").asLong());

            // Sign-out ends the session here and at the provider: the next sign-in asks who it is.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page).hasURL(base(node) + "/login?signedOut");
            page.navigate(base(node) + "/cases");
            assertThat(page).hasURL(base(node) + "/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Acme ID")).click();
            assertThat(page.getByLabel("Username")).isVisible();

            // In no group that Redress maps: refused, with the reason, and no account made.
            page.getByLabel("Username").fill("olaf");
            page.getByLabel("Password").fill("olaf-secret-1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(base(node) + "/login?refused");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("You are in no group that gives access to Redress "
                + "(everyone, marketing)");
            assertThat(Nodes.admin(node).get("/api/v1/users").body()).doesNotContain("olaf@acme.example");

            // Someone else at the provider who takes Lena's address does not get her account.
            provider.add("mallory", new TestIdentityProvider.Person("mallory-secret-1", "lena@acme.example", "Mallory",
                List.of("redress-admins")));
            BrowserContext other = browser.newContext();
            Page impostor = other.newPage();
            impostor.navigate(base(node) + "/login");
            impostor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Acme ID")).click();
            impostor.getByLabel("Username").fill("mallory");
            impostor.getByLabel("Password").fill("mallory-secret-1");
            impostor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(impostor.getByRole(AriaRole.ALERT)).containsText("belongs to another person at the identity provider");
            other.close();

            // Removed at the provider: the provider refuses them, and Redress never sees them again.
            context.close();
            provider.remove("lena");
            BrowserContext later = browser.newContext();
            Page again = later.newPage();
            again.navigate(base(node) + "/login");
            again.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Acme ID")).click();
            again.getByLabel("Username").fill("lena");
            again.getByLabel("Password").fill("lena-secret-1");
            again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(again).hasURL(provider.issuer() + "/login?error");
            assertThat(again.getByLabel("Username")).isVisible();
            again.navigate(base(node) + "/cases");
            assertThat(again).hasURL(base(node) + "/login");
            later.close();
        }
    }

    @Test
    void withPasswordsOffOnlyTheProviderLetsPeopleIn() throws Exception {
        int providerPort = freePort();
        try (ConfigurableApplicationContext node = Nodes.start(PostgresDatabase.fresh(), false, sso(providerPort, false));
             TestIdentityProvider provider = TestIdentityProvider.start(providerPort, base(node))) {
            provider.add("ada", new TestIdentityProvider.Person("ada-secret-1", "admin@nodes.test", "Ada Admin",
                List.of("redress-admins")));
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));

            Http.Response login = Http.anonymous(port).html("/login");
            assertThat(login.body()).contains("Sign in with Acme ID").doesNotContain("type=\"password\"");
            Http.Response basic = Nodes.admin(node).get("/api/v1/me");
            assertThat(basic.status()).isEqualTo(401);
            assertThat(basic.body()).doesNotContain("HTTP Basic");

            // The existing admin (same email) signs in through the provider and keeps their account.
            BrowserContext context = browser.newContext();
            Page page = context.newPage();
            signInAtProvider(page, node, "ada", "ada-secret-1");
            assertThat(page.locator(".account-link")).hasText("Ada Admin");
            page.navigate(base(node) + "/admin/users");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            assertThat(page).hasURL(base(node) + "/admin/users");
            context.close();
        }
    }

    private static void signInAtProvider(Page page, ConfigurableApplicationContext node, String username, String password) {
        page.navigate(base(node) + "/cases");
        assertThat(page).hasURL(base(node) + "/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Acme ID")).click();
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        // Back where they were going (the saved request), signed in.
        assertThat(page).hasURL(java.util.regex.Pattern.compile("^" + base(node).replace(".", "\\.") + "/cases(\\?continue)?$"));
    }

    private static String[] sso(int providerPort, boolean passwords) {
        return new String[] {"--redress.sso.issuer-uri=http://127.0.0.1:" + providerPort,
            "--redress.sso.client-id=" + TestIdentityProvider.CLIENT_ID,
            "--redress.sso.client-secret=" + TestIdentityProvider.CLIENT_SECRET,
            "--redress.sso.label=Sign in with Acme ID",
            "--redress.sso.roles=support-agents=agent,support-leads=lead,redress-admins=admin",
            "--redress.sso.teams=returns=Returns,billing=Billing",
            "--redress.sso.create-accounts=true",
            "--redress.sso.passwords=" + passwords};
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
