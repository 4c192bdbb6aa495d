package org.redress.communications;

import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Mail out of the box. Without a configured SMTP server ({@code spring.mail.host}) email
 * would wait in the outbox for ever, so the zero-setup default starts a small SMTP server
 * inside the application, on 127.0.0.1 only, and sends to it: every message goes through
 * the same path as in production (built, sent over SMTP, recorded as sent) and admins read
 * it under Admin &gt; Mail. Nobody outside receives it, and the console says so to admins
 * until a real server is configured. The server keeps nothing: the outbox is the record,
 * so each batch is dropped from its memory once taken. Off with
 * {@code redress.mail.built-in.enabled=false}; then mail waits, and admins are told.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank() and '${spring.mail.jndi-name:}'.isBlank()"
    + " and '${redress.mail.built-in.enabled:true}' == 'true'")
class BuiltInMail {

    private static final Logger log = LoggerFactory.getLogger(BuiltInMail.class);

    @Bean(destroyMethod = "stop")
    GreenMail builtInMailServer(@Value("${redress.mail.built-in.port:0}") int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info("No mail server is configured (spring.mail.host): mail goes to the built-in server on 127.0.0.1:{}."
            + " Customers receive nothing; admins read each message under Admin > Mail.", server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSender builtInMailSender(GreenMail server, Environment environment) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                super.doSend(messages, originals);
                forget(server);
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        Properties properties = new Properties();
        properties.putAll(Binder.get(environment).bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of()));
        sender.setJavaMailProperties(properties);
        return sender;
    }

    // The outbox is the record of what was sent; the server's copy would only fill memory.
    private static void forget(GreenMail server) {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            log.debug("Could not clear the built-in mail server's memory this time", e);
        }
    }
}
