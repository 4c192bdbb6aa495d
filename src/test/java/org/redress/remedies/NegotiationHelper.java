package org.redress.remedies;

import java.util.Map;

import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Answers an offer as the customer's browser does: a form post with the page's CSRF token and cookie. */
final class NegotiationHelper {

    private final int port;
    private final ApplicationTest test;

    NegotiationHelper(ApplicationTest test) {
        this.test = test;
        this.port = portOf(test);
    }

    JsonNode accept(String pagePath, long remedyId) {
        post(pagePath, remedyId, "accept", Map.of());
        return Http.basic(port, ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD)
            .get("/api/v1/remedies/" + remedyId).json();
    }

    Http.Response post(String pagePath, long remedyId, String answer, Map<String, String> form) {
        return Http.anonymous(port).postFormWithCsrf(pagePath, pagePath + "/offers/" + remedyId + "/" + answer, form);
    }

    /** A genuine link to the case's page. */
    String linkPath(String casePath) {
        Http admin = Http.basic(port, ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD);
        long id = admin.post(casePath + "/remedies", Map.of("type", "goodwill", "amount", "1.00", "description", "x"))
            .json().get("id").asLong();
        admin.post(casePath + "/acknowledge", Map.of());
        admin.post(casePath + "/listen", Map.of("account", "It broke."));
        String link = admin.post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", java.time.LocalDate.now().plusDays(1).toString()))
            .json().get("customerLink").asString();
        return link.substring(link.indexOf("/c/"));
    }

    private static int portOf(ApplicationTest test) {
        try {
            java.lang.reflect.Field field = ApplicationTest.class.getDeclaredField("port");
            field.setAccessible(true);
            return field.getInt(test);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
