package org.redress.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.redress.cases.CaseScope;
import org.redress.cases.CaseSearch;
import org.redress.cases.CaseSummary;
import org.redress.cases.Outcome;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.training.Calibration;
import org.redress.training.Calibrations;
import org.redress.training.QualityReviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Quality reviews for the demo, after its cases ({@link DemoData}): Lena (lead) has reviewed
 * one of Ana's recoveries and one of Ben's, so the agents have a review to answer, and Lena and
 * Mia (manager) have calibrated on another of Ana's, so the session shows where they differ.
 */
@Component
@Order(20)
class DemoReviews implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);

    private final boolean enabled;
    private final UserManagement users;
    private final CaseSearch search;
    private final QualityReviews reviews;
    private final Calibrations calibrations;

    DemoReviews(@Value("${redress.demo:false}") boolean enabled, UserManagement users, CaseSearch search, QualityReviews reviews,
                Calibrations calibrations) {
        this.enabled = enabled;
        this.users = users;
        this.search = search;
        this.reviews = reviews;
        this.calibrations = calibrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled && !args.containsOption("demo")) {
            return;
        }
        Optional<RedressUser> lena = person("lena@demo.redress");
        Optional<RedressUser> mia = person("mia@demo.redress");
        Optional<RedressUser> ana = person("ana@demo.redress");
        Optional<RedressUser> ben = person("ben@demo.redress");
        if (lena.isEmpty() || mia.isEmpty() || ana.isEmpty() || ben.isEmpty() || !reviews.list(lena.get(), null, null, 1).isEmpty()
            || !calibrations.list(lena.get(), 1).isEmpty()) {
            return;
        }
        List<Long> anas = recovered(ana.get());
        List<Long> bens = recovered(ben.get());
        if (anas.size() < 2 || bens.isEmpty()) {
            return;
        }
        reviews.submit(lena.get(), anas.get(0), null, Map.of(), "A model recovery: answered within the hour, a plain apology, "
            + "and the replacement went out when you said it would.");
        reviews.submit(lena.get(), bens.get(0), null, Map.of("EXPLAINED", new QualityReviews.Given("partly",
            "Say what went wrong before what we will do.")), "Good outcome; the explanation came late in the thread.");
        Calibration session = calibrations.open(lena.get(), anas.get(1), "Monday calibration: what counts as a sincere apology?");
        calibrations.score(lena.get(), session.id(), null, Map.of(), null);
        calibrations.score(mia.get(), session.id(), null, Map.of("APOLOGIZED", new QualityReviews.Given("partly",
            "Sorry, but generic: name what went wrong.")), "I would coach the apology.");
        log.info("Demo data: two quality reviews and a calibration session (Quality page).");
    }

    private Optional<RedressUser> person(String email) {
        return users.users().stream().filter(user -> user.email().equals(email)).findFirst()
            .flatMap(user -> users.signedInAs(user.id()));
    }

    // The agent's newest cases closed as recovered.
    private List<Long> recovered(RedressUser agent) {
        return search.page(new CaseSearch.Filter("CLOSED", agent.id(), false, null, null, null), CaseScope.EVERY_CASE, null, 20)
            .items().stream().filter(c -> c.outcome() == Outcome.RECOVERED).map(CaseSummary::id).limit(2).toList();
    }
}
