package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.redress.Chromium;
import org.redress.SignalsSupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/** Drives the console in Debian's Chromium, signed in as the admin, one fresh browser context per test. */
abstract class BrowserTest extends SignalsSupport {

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    protected Page page;

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

    @BeforeEach
    void signIn() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        page = context.newPage();
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    protected void signIn(String email, String password) {
        page.navigate(url("/cases"));
        assertThat(page).hasURL(url("/login"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Recovery queue"))).isVisible();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
