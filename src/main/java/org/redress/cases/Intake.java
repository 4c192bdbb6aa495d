package org.redress.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.platform.SqlDialect;
import org.redress.shared.Actor;
import org.redress.shared.Checks;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes complaints from every channel. One customer, one thread: a complaint from a
 * customer who already has an open case in the same category joins that case as a new
 * message. With an idempotency key, a retried request returns the case the first one
 * produced, even when both arrive at the same moment.
 */
@Service
public class Intake {

    public static final int DEFAULT_SEVERITY = 3;
    static final int MAX_SUBJECT = 200;
    public static final int MAX_MESSAGE = 50_000;
    static final int MAX_KEY = 200;

    /** A complaint as a channel delivers it. */
    public record Complaint(@Nullable CustomerDetails customer, @Nullable String channel, @Nullable String category,
                            @Nullable Integer severity, @Nullable String subject, @Nullable String message) {}

    /** What intake did with a complaint. */
    public enum Result { OPENED, JOINED, REPLAYED }

    public record Received(CaseView recoveryCase, Result result) {}

    private final CustomerManagement customers;
    private final Taxonomy taxonomy;
    private final IdempotencyKeys keys;
    private final CaseOpening opening;
    private final Clock clock;
    private final SqlDialect dialect;

    Intake(CustomerManagement customers, Taxonomy taxonomy, IdempotencyKeys keys, CaseOpening opening, Clock clock,
           SqlDialect dialect) {
        this.dialect = dialect;
        this.customers = customers;
        this.taxonomy = taxonomy;
        this.keys = keys;
        this.opening = opening;
        this.clock = clock;
    }

    /**
     * The customer of a case wrote to it (a reply by email, a direct message): the message
     * joins the case, which must be open; waiting clocks resume ({@link CustomerWrote}).
     */
    @Transactional
    public void reply(long caseId, Channel channel, String author, @Nullable String subject, String body) {
        String text = Text.required("text", body, MAX_MESSAGE);
        String title = Text.optional("subject", subject, MAX_SUBJECT);
        opening.reply(caseId, channel, Text.required("from", author, 320), title, text, clock.instant());
    }

    @Transactional
    public Received receive(Complaint complaint, @Nullable String idempotencyKey, Actor actor) {
        return receive(check(complaint, idempotencyKey), actor);
    }

    /** A complaint and its idempotency key, checked: what can still fail is what the database holds. */
    record Checked(CheckedComplaint complaint, @Nullable String key) {}

    /** Checks a complaint without writing anything (the taxonomy is read from its short-lived copy). */
    Checked check(Complaint complaint, @Nullable String idempotencyKey) {
        Checks checks = new Checks();
        String key = checks.check(() -> idempotencyKey == null ? null : Text.required("Idempotency-Key", idempotencyKey, MAX_KEY));
        return new Checked(check(complaint, checks), key);
    }

    /** Takes a checked complaint: in the caller's transaction, or in one of its own. */
    @Transactional
    Received receive(Checked complaint, Actor actor) {
        Instant now = clock.instant();
        String key = complaint.key();
        if (key != null) {
            Optional<Long> earlier = keys.claim(key, complaint.complaint(), now);
            if (earlier.isPresent()) {
                return opening.replay(earlier.get());
            }
        }
        return claimed(complaint, actor, now);
    }

    /**
     * Takes these checked complaints in the caller's transaction, each answered as it would have
     * been alone, in their order (ADR 18). On PostgreSQL the common case takes one statement per
     * table for them all: their keys are claimed together, then the customers who are new are
     * created together and their cases opened together. Every other complaint (a key used before,
     * a known customer, a customer named twice) is then taken one at a time, in order: it finds
     * what the ones before it made, as it would have alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Received> receiveAll(List<Checked> complaints, List<Actor> actors) {
        if (!dialect.postgres() || complaints.size() == 1) {
            List<Received> answers = new ArrayList<>(complaints.size());
            for (int i = 0; i < complaints.size(); i++) {
                answers.add(receive(complaints.get(i), actors.get(i)));
            }
            return answers;
        }
        Instant now = clock.instant();
        boolean[] holdsKey = claimKeys(complaints, now);
        List<Integer> mayBeNew = new ArrayList<>();
        for (int i = 0; i < complaints.size(); i++) {
            if (complaints.get(i).key() == null || holdsKey[i]) {
                mayBeNew.add(i);
            }
        }
        List<@Nullable CustomerView> created = customers.createIfNew(
            mayBeNew.stream().map(i -> complaints.get(i).complaint().customer()).toList(),
            mayBeNew.stream().map(actors::get).toList());
        List<Integer> first = new ArrayList<>();
        List<CaseOpening.FirstComplaint> firstComplaints = new ArrayList<>();
        for (int j = 0; j < mayBeNew.size(); j++) {
            if (created.get(j) != null) {
                int i = mayBeNew.get(j);
                first.add(i);
                firstComplaints.add(new CaseOpening.FirstComplaint(complaints.get(i).complaint(), created.get(j), actors.get(i),
                    complaints.get(i).key()));
            }
        }
        @Nullable Received[] answers = new Received[complaints.size()];
        List<Received> opened = firstComplaints.isEmpty() ? List.of() : opening.openAll(firstComplaints, now);
        for (int j = 0; j < first.size(); j++) {
            answers[first.get(j)] = opened.get(j);
        }
        for (int i = 0; i < complaints.size(); i++) {
            if (answers[i] == null) {
                answers[i] = holdsKey[i] ? claimed(complaints.get(i), actors.get(i), now) : receive(complaints.get(i), actors.get(i));
            }
        }
        return List.of(answers);
    }

    // Which complaints claimed their key now: the first with each key, when it is new. In the
    // keys' order, so two batches sharing keys wait for each other instead of deadlocking.
    private boolean[] claimKeys(List<Checked> complaints, Instant now) {
        Map<String, Integer> firstWithKey = new TreeMap<>();
        for (int i = 0; i < complaints.size(); i++) {
            if (complaints.get(i).key() != null) {
                firstWithKey.putIfAbsent(complaints.get(i).key(), i);
            }
        }
        boolean[] holdsKey = new boolean[complaints.size()];
        if (!firstWithKey.isEmpty()) {
            Set<String> claimed = keys.claimAll(List.copyOf(firstWithKey.keySet()),
                firstWithKey.values().stream().map(i -> complaints.get(i).complaint()).toList(), now);
            firstWithKey.forEach((key, i) -> holdsKey[i] = claimed.contains(key));
        }
        return holdsKey;
    }

    // A complaint holding its key, if it has one: it joins its customer's open case or opens one.
    private Received claimed(Checked complaint, Actor actor, Instant now) {
        CheckedComplaint checked = complaint.complaint();
        String key = complaint.key();
        CustomerManagement.Identified identified = customers.identify(checked.customer(), actor);
        CustomerView customer = identified.customer();
        Optional<Long> openCase = identified.isNew() ? Optional.empty() : opening.openCaseOf(customer.id(), checked.category());
        if (openCase.isEmpty()) {
            return opening.open(checked, customer, actor, now, key);
        }
        Received joined = opening.join(openCase.get(), checked, customer, actor, now);
        if (key != null) {
            keys.link(key, joined.recoveryCase().id());
        }
        return joined;
    }

    private CheckedComplaint check(Complaint complaint, Checks checks) {
        CustomerDetails customer = checks.check(() -> customers.validated(complaint.customer()));
        Channel channel = checks.check(() -> Channel.parse("channel", Text.required("channel", complaint.channel(), 20)));
        String category = checks.check(() -> taxonomy.require(Taxonomy.CATEGORY, "category",
            Text.required("category", complaint.category(), 50)));
        Integer severity = checks.check(() -> {
            int value = complaint.severity() == null ? DEFAULT_SEVERITY : complaint.severity();
            if (value < 1 || value > 4) {
                throw InvalidInput.field("severity", "must be from 1 (critical) to 4 (low), not " + value);
            }
            return value;
        });
        String subject = checks.check(() -> Text.required("subject", complaint.subject(), MAX_SUBJECT).strip());
        // The customer's own words are kept exactly as given: no trimming, no reformatting.
        String message = checks.check(() -> Text.required("message", complaint.message(), MAX_MESSAGE));
        checks.verify();
        return new CheckedComplaint(customer, channel, category, severity, subject, message);
    }
}
