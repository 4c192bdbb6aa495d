package org.redress.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.Await;
import org.redress.DatabaseProxy;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events published to the real RabbitMQ of these machines (127.0.0.1:5672, guest/guest), each
 * run on an exchange and queue of its own: two nodes on one database send each event once. What
 * should have been sent is read from the webhook messages, which are written in the same
 * transaction as the change: every one of them must arrive exactly once, with the same data.
 */
class BrokerPublishingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOOKS_NOWHERE = "http://127.0.0.1:9/hooks";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String exchange = "redress.test.events." + run;
    private final String queue = "redress.test.consumer." + run;
    private CachingConnectionFactory connections;
    private RabbitAdmin rabbitAdmin;

    @BeforeEach
    void consumer() {
        connections = new CachingConnectionFactory("127.0.0.1", 5672);
        connections.setUsername("guest");
        connections.setPassword("guest");
        rabbitAdmin = new RabbitAdmin(connections);
        // Declared as Redress declares it, so whichever comes first, both agree.
        TopicExchange events = new TopicExchange(exchange, true, false);
        rabbitAdmin.declareExchange(events);
        Queue consumer = new Queue(queue, false, false, false);
        rabbitAdmin.declareQueue(consumer);
        rabbitAdmin.declareBinding(BindingBuilder.bind(consumer).to(events).with("#"));
    }

    @AfterEach
    void removeConsumer() {
        rabbitAdmin.deleteQueue(queue);
        rabbitAdmin.deleteExchange(exchange);
        connections.destroy();
    }

    @Test
    void twoNodesPublishEachEventOnce() throws SQLException {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext one = broker(url); ConfigurableApplicationContext two = broker(url)) {
            Http first = Nodes.admin(one);
            Http second = Nodes.admin(two);
            first.post("/api/v1/webhooks/endpoints", Map.of("url", HOOKS_NOWHERE, "eventTypes", List.of("*")));
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Http opening = i % 2 == 0 ? first : second;
                Http other = opening == first ? second : first;
                String number = open(opening, "BR-" + i);
                numbers.add(number);
                // Each case's changes are made through both nodes.
                assertThat(other.post("/api/v1/cases/" + number + "/acknowledge", Map.of("message", "We are on it.")).status())
                    .isEqualTo(200);
                if (i % 3 == 0) {
                    assertThat(opening.post("/api/v1/cases/" + number + "/close", Map.of("reason", "spam")).status()).isEqualTo(200);
                }
            }

            List<JsonNode> expected = committedEvents(url);
            assertThat(expected).extracting(event -> event.get("type").asString())
                .contains("case.opened", "case.step-recorded", "case.closed");
            assertThat(expected.stream().filter(event -> event.get("type").asString().equals("case.opened"))).hasSize(12);

            // Every publication done (completed ones are deleted): each message has been confirmed by the broker,
            // so it is in the queue already. Then the queue holds all that will ever come.
            Await.until(() -> unfinishedPublications(url) == 0, "every publication to complete");
            List<JsonNode> received = drain();

            assertThat(received).extracting(message -> message.get("id").asString()).doesNotHaveDuplicates();
            assertThat(received.stream().map(BrokerPublishingTests::withoutId).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(received).extracting(message -> message.get("data").get("caseNumber").asString())
                .containsAll(numbers);
            // With the broker on, its health is part of the node's, and up.
            assertThat(Http.anonymous(port(one)).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void eventsMadeWhileTheBrokerIsAwayArriveOnceWhenItIsBack() throws SQLException {
        String url = PostgresDatabase.fresh();
        try (DatabaseProxy rabbit = DatabaseProxy.toRabbitMq();
             ConfigurableApplicationContext node = Nodes.start(url, false, "--redress.broker.enabled=true",
                 "--redress.broker.exchange=" + exchange, "--spring.rabbitmq.host=127.0.0.1",
                 "--spring.rabbitmq.port=" + rabbit.port())) {
            Http admin = Nodes.admin(node);
            admin.post("/api/v1/webhooks/endpoints", Map.of("url", HOOKS_NOWHERE, "eventTypes", List.of("*")));
            open(admin, "UP");
            Await.until(() -> unfinishedPublications(url) == 0, "the first event to be published");

            rabbit.refuse();
            List<String> whileAway = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String number = open(admin, "AWAY-" + i);
                whileAway.add(number);
                assertThat(admin.post("/api/v1/cases/" + number + "/acknowledge", Map.of("message", "On it.")).status())
                    .isEqualTo(200);
            }
            // The changes are made and kept; their messages wait in the publication registry.
            Await.until(() -> unfinishedPublications(url) >= 6, "the publications to wait for the broker");
            assertThat(Http.anonymous(port(node)).get("/actuator/health").json().get("status").asString()).isEqualTo("DOWN");
            assertThat(Http.anonymous(port(node)).get("/actuator/health/readiness").status()).isEqualTo(200);

            rabbit.forward();
            // Sent again by the resubmission sweep (every 30 s).
            Await.until(() -> unfinishedPublications(url) == 0, "every publication to complete", java.time.Duration.ofSeconds(90));
            List<JsonNode> received = drain();
            assertThat(received).extracting(message -> message.get("id").asString()).doesNotHaveDuplicates();
            assertThat(received.stream().map(BrokerPublishingTests::withoutId).toList())
                .containsExactlyInAnyOrderElementsOf(committedEvents(url));
            assertThat(received).extracting(message -> message.get("data").get("caseNumber").asString()).containsAll(whileAway);
        }
    }

    @Test
    void offByDefault() throws SQLException {
        String url = PostgresDatabase.fresh();
        // A broker address where nothing listens: off, Redress never connects, so it does not matter.
        try (ConfigurableApplicationContext node = Nodes.start(url, false, "--spring.rabbitmq.port=1")) {
            assertThat(node.getBeansOfType(EventExternalizerModuleListener.class)).isEmpty();
            open(Nodes.admin(node), "OFF");
            assertThat(unfinishedPublications(url)).isZero();
            assertThat(Http.anonymous(port(node)).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
            assertThat(Http.anonymous(port(node)).get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(Http.anonymous(port(node)).get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext broker(String url) {
        return Nodes.start(url, false, "--redress.broker.enabled=true", "--redress.broker.exchange=" + exchange,
            "--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=5672");
    }

    private List<JsonNode> drain() {
        RabbitTemplate template = new RabbitTemplate(connections);
        List<JsonNode> messages = new ArrayList<>();
        for (Message message = template.receive(queue); message != null; message = template.receive(queue)) {
            assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
            JsonNode body = JSON.readTree(message.getBody());
            assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo(body.get("type").asString());
            assertThat(message.getMessageProperties().getMessageId()).isEqualTo(body.get("id").asString());
            messages.add(body);
        }
        return messages;
    }

    static JsonNode withoutId(JsonNode message) {
        return JSON.createObjectNode().put("type", message.get("type").asString()).set("data", message.get("data"));
    }

    // What the webhooks were given: one message per event, written with the change that caused it.
    static List<JsonNode> committedEvents(String url) throws SQLException {
        List<JsonNode> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select payload from webhook_messages order by id")) {
            while (rows.next()) {
                JsonNode payload = JSON.readTree(rows.getString(1));
                events.add(JSON.createObjectNode().put("type", payload.get("type").asString()).set("data", payload.get("data")));
            }
        }
        return events;
    }

    static long unfinishedPublications(String url) {
        try (Connection connection = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from event_publication where completion_date is null")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String open(Http admin, String ref) {
        Http.Response opened = admin.post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", ref + "-" + UUID.randomUUID(),
            "name", "Ada"), "channel", "email", "category", "delivery", "severity", 2, "subject", "Late", "message", "Two weeks late."));
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("number").asString();
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
