package org.redress;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium, headless, as the browser tests drive it (Playwright downloads no browser here). */
public final class Chromium {

    private Chromium() {
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Path.of(System.getProperty("redress.test.chromium", "/usr/bin/chromium")))
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run")));
    }
}
