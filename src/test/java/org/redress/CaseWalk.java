package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

/** A case walked through the playbook over the API, as an agent would, for tests on nodes of their own. */
public final class CaseWalk {

    private CaseWalk() {
    }

    /** Every step (the resolution promised for {@code promisedBy} and delivered at once), then closed as recovered. */
    public static void closeAsRecovered(Http http, String number, LocalDate promisedBy) {
        String c = "/api/v1/cases/" + number;
        http.post(c + "/acknowledge", Map.of("message", "We are on it."));
        http.post(c + "/listen", Map.of("account", "The box was crushed."));
        http.post(c + "/apologize", Map.of("apology", "I am sorry."));
        http.post(c + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"));
        http.post(c + "/explain", Map.of("explanation", "A fault at the depot."));
        http.post(c + "/resolve", Map.of("resolution", "A new vase", "promisedBy", promisedBy.toString()));
        http.post(c + "/fulfil", Map.of("note", "Sent"));
        http.post(c + "/follow-up", Map.of("satisfied", true, "satisfaction", 5));
        http.post(c + "/learn", Map.of("lesson", "Pack vases twice."));
        Http.Response closed = http.post(c + "/close", Map.of("outcome", "recovered"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }
}
