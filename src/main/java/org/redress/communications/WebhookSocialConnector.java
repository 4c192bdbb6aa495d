package org.redress.communications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hands social posts to {@code redress.social.webhook-url} as JSON (network, handle,
 * public, text, messageId); any 2xx answer means posted. Without a URL, posts wait in
 * the outbox.
 */
@Component
class WebhookSocialConnector implements SocialConnector {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;

    WebhookSocialConnector(@Value("${redress.social.webhook-url:}") String url) {
        this.url = url;
    }

    @Override
    public boolean ready() {
        return !url.isBlank();
    }

    @Override
    public void post(Post post) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("network", post.network());
        body.put("handle", post.handle());
        body.put("public", post.publicly());
        body.put("text", post.text());
        body.put("messageId", post.messageId());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the social webhook answered " + response.statusCode());
        }
    }
}
