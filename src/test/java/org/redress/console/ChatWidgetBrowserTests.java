package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

/**
 * The chat widget on a business's own site (another origin, served by the test): the
 * customer writes, an agent answers in the console, the answer appears in the widget, and
 * the customer comes back later to the same conversation.
 */
class ChatWidgetBrowserTests extends BrowserTest {

    private HttpServer shop;

    @BeforeEach
    void startShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            byte[] html = ("<!DOCTYPE html><html lang=\"en\"><head><title>Tea Shop</title></head><body>"
                + "<h1>Tea Shop</h1><p>Fine teas since 1921.</p>"
                + "<script src=\"http://127.0.0.1:" + port + "/widget.js\" async></script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        shop.start();
    }

    @AfterEach
    void stopShop() {
        shop.stop(0);
    }

    // Opened as "localhost", not 127.0.0.1: another site than Redress's, as a real shop would be.
    private String shopPage() {
        return "http://localhost:" + shop.getAddress().getPort() + "/";
    }

    @Test
    void theCustomerWritesInTheWidgetTheAgentAnswersInTheConsoleAndTheAnswerShowsInTheWidget() {
        BrowserContext customerBrowser = page.context().browser().newContext();
        try {
            Page customer = customerBrowser.newPage();
            customer.navigate(shopPage());
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
            FrameLocator chat = customer.frameLocator("iframe[title='Chat with us']");
            chat.getByLabel("Your name").fill("Tomas Tea");
            chat.getByLabel("Your email").fill("tomas-" + unique() + "@example.com");
            chat.getByLabel("Your message").fill("The Darjeeling I ordered arrived as Assam.");
            chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Start the chat")).click();
            Locator status = chat.locator("#chat-status");
            assertThat(status).containsText("Case RC-");
            String number = status.textContent().replaceAll(".*(RC-\\d+).*", "$1");

            // The agent finds the chat in the console and answers; the composer answers in the chat.
            page.navigate(url("/cases/" + number));
            assertThat(page.getByTestId("timeline")).containsText("The Darjeeling I ordered arrived as Assam.");
            Locator composer = page.getByTestId("composer");
            assertThat(composer.getByLabel("Send by")).hasValue("chat");
            composer.getByLabel("Message").fill("I am sorry, Tomas. The right tea leaves today, and keep the Assam.");
            composer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send").setExact(true)).click();
            assertThat(page.getByTestId("composer").getByRole(AriaRole.STATUS)).containsText("Queued for sending");

            assertThat(page.getByTestId("composer").locator(".sent-message").last()).containsText("Chat message");
            Locator ours = chat.locator("li[data-from='us']");
            assertThat(ours).containsText("I am sorry, Tomas. The right tea leaves today, and keep the Assam.");

            // Later: the customer comes back to the shop; the chat is still theirs, on the same case.
            customer.navigate(shopPage());
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
            assertThat(chat.locator("li[data-from='us']")).containsText("The right tea leaves today");
            chat.getByLabel("Write a message").fill("Thank you, that is kind.");
            chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send").setExact(true)).click();
            assertThat(chat.locator("li[data-from='customer']").last()).containsText("Thank you, that is kind.");
            assertThat(chat.locator("#chat-status")).containsText("Case " + number);

            page.reload();
            assertThat(page.getByTestId("timeline")).containsText("Thank you, that is kind.");
        } finally {
            customerBrowser.close();
        }
    }
}
