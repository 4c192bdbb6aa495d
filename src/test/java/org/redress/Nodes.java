package org.redress;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Whole application nodes started by a test on a database of its own, for what one
 * running application cannot show: a restart, two nodes, a mail server that comes and
 * goes. Each node has the same admin.
 */
public final class Nodes {

    static final String ADMIN = "admin@nodes.test";
    static final String PASSWORD = "admin-password-1";

    private Nodes() {
    }

    /** A node on the database at {@code url}; with mail, it sends to GreenMail's SMTP port, else nowhere. More arguments last. */
    public static ConfigurableApplicationContext start(String url, boolean withMail, String... more) {
        return start(url, withMail, null, more);
    }

    /** A node with beans of the test's own besides the application's (a listener that fails, say); no mail. */
    public static ConfigurableApplicationContext startWith(String url, List<Class<?>> beans, String... more) {
        return start(url, false, null, beans, more);
    }

    /** A node whose clock the test moves (in place of the application's own), else as {@link #start(String, boolean, String...)}. */
    public static ConfigurableApplicationContext start(String url, boolean withMail, @Nullable MovableClock clock, String... more) {
        return start(url, withMail, clock, List.of(), more);
    }

    private static ConfigurableApplicationContext start(String url, boolean withMail, @Nullable MovableClock clock,
                                                        List<Class<?>> beans, String... more) {
        List<String> args = new ArrayList<>(List.of(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + PostgresDatabase.user(),
            "--spring.datasource.password=" + PostgresDatabase.password(),
            "--server.port=0",
            "--redress.admin.email=" + ADMIN,
            "--redress.admin.password=" + PASSWORD,
            "--redress.time-zone=UTC",
            "--db-scheduler.polling-interval=1s"));
        if (withMail) {
            args.add("--spring.mail.host=127.0.0.1");
            args.add("--spring.mail.port=" + ServerSetupTest.SMTP.getPort());
        } else {
            // No mail server at all, not even the built-in one: email waits in the outbox.
            args.add("--redress.mail.built-in.enabled=false");
        }
        // The weekly digest would mail the node's admin at its first start (the week just past is due):
        // off unless the test is about it.
        if (java.util.Arrays.stream(more).noneMatch(arg -> arg.startsWith("--redress.insights.digest.enabled="))) {
            args.add("--redress.insights.digest.enabled=false");
        }
        args.addAll(List.of(more));
        SpringApplicationBuilder node = new SpringApplicationBuilder(RedressApplication.class);
        beans.forEach(node::sources);
        if (clock != null) {
            node.initializers(context -> ((GenericApplicationContext) context)
                .registerBean("movableClock", MovableClock.class, () -> clock, bean -> bean.setPrimary(true)));
        }
        return node.run(args.toArray(String[]::new));
    }

    /** A new integration on the node (a business system), through a token its admin issued. */
    public static Http integration(ConfigurableApplicationContext node) {
        Http admin = admin(node);
        long id = admin.post("/api/v1/users", java.util.Map.of("email", "integration-" + java.util.UUID.randomUUID()
            + "@nodes.test", "name", "Integration", "role", "integration")).json().get("id").asLong();
        String secret = admin.post("/api/v1/users/" + id + "/tokens", java.util.Map.of("name", "tests")).json()
            .get("secret").asString();
        return Http.bearer(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), secret);
    }

    /** The node's admin, through HTTP Basic. */
    public static Http admin(ConfigurableApplicationContext node) {
        return Http.basic(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), ADMIN, PASSWORD);
    }
}
