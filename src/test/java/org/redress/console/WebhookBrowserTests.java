package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

/** An admin adds a webhook endpoint in the console, sees a case's event delivered in the log, sends it again, and stops the endpoint. */
class WebhookBrowserTests extends BrowserTest {

    @Test
    void anAdminAddsAnEndpointAndReadsTheDeliveryLog() throws IOException {
        AtomicInteger posts = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            page.navigate(url("/admin/webhooks"));
            Locator form = page.getByTestId("endpoint-form");
            form.getByLabel("URL").fill("mailto:someone");
            form.getByLabel("case.closed").check();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the endpoint")).click();
            assertThat(page.locator(".flash.error")).containsText("Nothing was saved: url give an http or https address");
            assertThat(page.getByTestId("endpoint-form").getByLabel("URL")).hasValue("mailto:someone");

            page.getByTestId("endpoint-form").getByLabel("URL").fill(url);
            page.getByTestId("endpoint-form").getByLabel("What it is for").fill("Browser test receiver");
            page.getByTestId("endpoint-form").getByLabel("case.opened").check();
            page.getByTestId("endpoint-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the endpoint")).click();
            assertThat(page.locator(".flash.success")).containsText("Give the receiver its signing secret: whsec_");
            Accessibility.assertNoSeriousViolations(page);

            String number = open(admin(), "WB-" + unique()).get("number").asString();
            Locator row = page.getByTestId("deliveries").locator("tr", new Locator.LocatorOptions().setHasText(number));
            for (int tries = 0; tries < 20 && (row.count() == 0 || !row.first().textContent().contains("Delivered")); tries++) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(row).containsText("case.opened");
            assertThat(row).containsText("Delivered");
            assertThat(posts.get()).isEqualTo(1);
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send case.opened again")).click();
            assertThat(page.locator(".flash.success")).containsText("Sent again as delivery");

            page.getByTestId("endpoints").locator("tr", new Locator.LocatorOptions().setHasText(url))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop " + url)).click();
            assertThat(page.getByTestId("endpoints").locator("tr", new Locator.LocatorOptions().setHasText(url))).containsText("Stopped");
        } finally {
            receiver.stop(0);
        }
    }
}
