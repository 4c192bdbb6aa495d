package org.redress.communications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;

/** Where email goes on this node: a configured SMTP server, the built-in one, or nowhere yet. */
@Component
class MailRoute {

    enum Kind {
        /** The SMTP server at {@code spring.mail.host}: customers receive what is sent. */
        SERVER,
        /** The server inside the application: sent, but no customer receives it. */
        BUILT_IN,
        /** No server at all: email waits in the outbox until one is configured. */
        NONE
    }

    private final Kind kind;
    private final String where;

    MailRoute(ObjectProvider<JavaMailSender> senders, ObjectProvider<GreenMail> builtIn, Environment environment) {
        GreenMail server = builtIn.getIfAvailable();
        if (server != null) {
            kind = Kind.BUILT_IN;
            where = "the built-in mail server (127.0.0.1:" + server.getSmtp().getPort() + ")";
        } else if (senders.getIfAvailable() != null) {
            kind = Kind.SERVER;
            where = environment.getProperty("spring.mail.host", "the configured mail server") + ":"
                + environment.getProperty("spring.mail.port", "25");
        } else {
            kind = Kind.NONE;
            where = "no mail server";
        }
    }

    public Kind kind() {
        return kind;
    }

    /** For people: "smtp.example.com:587", "the built-in mail server (127.0.0.1:2525)". */
    public String where() {
        return where;
    }
}
