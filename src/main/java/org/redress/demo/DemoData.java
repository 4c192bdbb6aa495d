package org.redress.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.redress.cases.CaseManagement;
import org.redress.cases.Channel;
import org.redress.cases.CaseScope;
import org.redress.cases.CaseSearch;
import org.redress.cases.CaseView;
import org.redress.cases.Intake;
import org.redress.customers.CustomerDetails;
import org.redress.identity.RedressUser;
import org.redress.identity.Team;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Actor;
import org.redress.signals.BusinessEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo-password";

    private final boolean enabled;
    private final UserManagement users;
    private final Intake intake;
    private final CaseManagement cases;
    private final CaseSearch search;
    private final BusinessEvents businessEvents;
    private final DemoHistory history;
    private final Clock clock;
    private final ZoneId businessZone;

    DemoData(@Value("${redress.demo:false}") boolean enabled, UserManagement users, Intake intake,
             CaseManagement cases, CaseSearch search, BusinessEvents businessEvents, DemoHistory history, Clock clock,
             ZoneId businessZone) {
        this.businessEvents = businessEvents;
        this.history = history;
        this.businessZone = businessZone;
        this.enabled = enabled;
        this.users = users;
        this.intake = intake;
        this.cases = cases;
        this.search = search;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled && !args.containsOption("demo")) {
            return;
        }
        if (!search.page(CaseSearch.Filter.none(), CaseScope.EVERY_CASE, null, 1).items().isEmpty()) {
            log.info("Demo data: cases already exist, nothing loaded.");
            return;
        }
        RedressUser admin = users.users().stream().filter(user -> user.role().name().equals("ADMIN")).findFirst()
            .flatMap(user -> users.signedInAs(user.id())).orElseThrow();
        Team care = users.createTeam(admin, "Customer care");
        RedressUser lena = person("lena@demo.redress", "Lena Park", "lead", care);
        RedressUser ana = person("ana@demo.redress", "Ana Costa", "agent", care);
        RedressUser ben = person("ben@demo.redress", "Ben Okafor", "agent", care);
        person("mia@demo.redress", "Mia Schulz", "manager", null);
        Team stores = users.createTeam(admin, "Phone & stores");
        RedressUser karin = person("karin@demo.redress", "Karin Holm", "lead", stores);
        RedressUser leo = person("leo@demo.redress", "Leo Brandt", "agent", stores);
        RedressUser nina = person("nina@demo.redress", "Nina Alves", "agent", stores);
        // The shop's order system: it posts business events and complaints with a token an admin issues it.
        users.provision(new UserManagement.NewUser("orders@demo.redress", "Order system", null, "integration", null));
        // The past first: its cases are numbered before today's, and the insights refresh reads them first.
        int past = history.load(List.of(
            new PastTeam(care.id(), care.name(), staff(lena), List.of(staff(ana), staff(ben)), 25, 0.9,
                List.of(Channel.EMAIL, Channel.EMAIL, Channel.CHAT, Channel.WEB, Channel.SOCIAL, Channel.REVIEW)),
            new PastTeam(stores.id(), stores.name(), staff(karin), List.of(staff(leo), staff(nina)), 300, 0.6,
                List.of(Channel.PHONE, Channel.PHONE, Channel.IN_PERSON, Channel.EMAIL))));
        LocalDate today = LocalDate.ofInstant(clock.instant(), businessZone);

        complaint("CUST-1001", "Maria Lopez", "maria.lopez@example.com", "email", "delivery", 2,
            "Birthday present arrived a week late",
            "I ordered the lamp on the 2nd for my mother's birthday on the 10th. It came on the 17th. Nobody told me it was delayed, "
                + "and the tracking page said 'on its way' the whole time. I feel let down.");
        complaint("CUST-1002", "Tom Becker", "tom.becker@example.com", "chat", "billing", 2,
            "Charged twice for one order",
            "My card shows two charges of 89.90 for order 55120. I only placed one order. Please refund the second one.");
        complaint("CUST-1003", "Aisha Rahman", "aisha.r@example.com", "review", "service", 3,
            "Rude answer at the returns desk",
            "Two stars. The person at the returns desk rolled their eyes and said 'read the policy'. I was only asking a question.");

        CaseView late = complaint("CUST-1004", "Jonas Weber", "jonas.weber@example.com", "phone", "wait-time", 3,
            "45 minutes on hold, then cut off", "I waited 45 minutes and the call dropped as soon as someone answered.");
        cases.assign(late.id(), ana, ana.id(), null);
        cases.acknowledge(late.id(), ana.actor(), "Dear Jonas, I am sorry you waited so long and were then cut off. "
            + "I am looking into it myself and will call you back within the hour.");

        CaseView broken = complaint("CUST-1005", "Chloé Martin", "chloe.martin@example.com", "email", "product-quality", 2,
            "Coffee machine leaks after two weeks",
            "The machine leaks water under the base every time I use it. It's two weeks old. The kitchen counter is damaged.");
        cases.assign(broken.id(), ana, ana.id(), null);
        cases.acknowledge(broken.id(), ana.actor(), "Dear Chloé, thank you for telling us, and I am sorry about your "
            + "counter. I will come back to you with an answer by tomorrow.");
        cases.listen(broken.id(), ana.actor(), "Leak from the base since day 12; she uses filtered water; counter surface stained.");
        cases.apologize(broken.id(), ana.actor(), "I'm sorry — a two-week-old machine should not do this, and I'm sorry about your counter.");

        CaseView outage = complaint("CUST-1006", "Ravi Iyer", "ravi.iyer@example.com", "social", "outage", 1,
            "App down during checkout", "@shop your app crashed three times while I was paying. Lost my basket. Again.");
        cases.assign(outage.id(), lena, ben.id(), null);
        walk(outage, ben, "system-failure", "ours", "Payment service outage from 18:05 to 18:40.");

        CaseView refund = complaint("CUST-1007", "Sofia Rossi", "sofia.rossi@example.com", "web", "delivery", 2,
            "Parcel marked delivered, never arrived", "Tracking says delivered at 14:02 but nothing was left at my door or with neighbours.");
        cases.assign(refund.id(), ben, ben.id(), null);
        walk(refund, ben, "carrier-delay", "partly-ours", "The carrier scanned it at the wrong address.");
        cases.explain(refund.id(), ben.actor(), "The carrier delivered to number 12 instead of 21. We chose that carrier, so it is on us to fix it.");
        cases.resolve(refund.id(), ben.actor(), "A replacement sent by express, free, plus a 15% voucher for the next order.", today.plusDays(2));

        CaseView fulfilled = complaint("CUST-1008", "Lukas Novak", "lukas.novak@example.com", "email", "billing", 3,
            "Promo code not applied", "The WELCOME10 code was accepted but the total did not change.");
        cases.assign(fulfilled.id(), ana, ana.id(), null);
        walk(fulfilled, ana, "pricing-error", "ours", "Codes were not applied to discounted items, without saying so.");
        cases.explain(fulfilled.id(), ana.actor(), "Our checkout silently skipped the code for sale items; that is our mistake.");
        cases.resolve(fulfilled.id(), ana.actor(), "Refund of the 10% discount (8.40 EUR) to the original card.", today.plusDays(3));
        cases.fulfil(fulfilled.id(), ana.actor(), "Refund R-20418 issued.");

        recovered("CUST-1009", "Emma Johansson", "emma.j@example.com", "delivery", ana,
            "Wrong size delivered", "I ordered the jacket in M and received an XL.", "warehouse-error");
        recovered("CUST-1010", "Daniel Kim", "daniel.kim@example.com", "service", ben,
            "Technician did not show up", "I took a day off work and the technician never came or called.", "understaffing");
        recovered("CUST-1011", "Fatima Zahra", "fatima.z@example.com", "product-quality", ana,
            "Missing parts in the box", "The shelf came without the screws, so I cannot assemble it.", "warehouse-error");

        CaseView lost = complaint("CUST-1012", "Peter Hall", "peter.hall@example.com", "phone", "billing", 2,
            "Cancelled subscription still charged", "I cancelled in March and you charged me in April and May.");
        cases.assign(lost.id(), lena, lena.id(), null);
        cases.acknowledge(lost.id(), lena.actor(), "Dear Peter, I am sorry you were charged after you "
            + "cancelled. Your cancellation date is confirmed, and I am looking into both charges now.");
        cases.close(lost.id(), lena.actor(), "not-recovered", "Refunded both months, but the customer has moved to a competitor.");
        signals();
        log.info("Demo data loaded: {} closed cases of the last six months, 12 cases of today and business events for the "
            + "Silent customers page. Sign in as ana@demo.redress, lena@demo.redress or mia@demo.redress with the password '{}'.",
            past, PASSWORD);
    }

    // Customers who never complained but had trouble: the signals sweep scores them within
    // seconds, and one crosses the threshold and gets an outreach case.
    private void signals() {
        java.time.Instant now = clock.instant();
        java.time.Duration day = java.time.Duration.ofDays(1);
        java.util.List<BusinessEvents.Event> events = new java.util.ArrayList<>();
        events.add(signal("demo-2001-late", "DELIVERY_LATE", "CUST-2001", now.minus(day.multipliedBy(9)),
            java.util.Map.of("orderId", "58811", "minutesLate", 2880, "email", "nora.berg@example.com", "name", "Nora Berg")));
        events.add(signal("demo-2001-failed", "DELIVERY_FAILED", "CUST-2001", now.minus(day.multipliedBy(3)),
            java.util.Map.of("orderId", "58811", "reason", "Nobody home, parcel returned to depot")));
        events.add(signal("demo-2001-failed-2", "DELIVERY_FAILED", "CUST-2001", now.minus(day),
            java.util.Map.of("orderId", "58811", "reason", "Second attempt: address not found")));
        events.add(signal("demo-2001-wait", "WAIT_TIME", "CUST-2001", now.minus(day.multipliedBy(2)),
            java.util.Map.of("minutes", 38)));
        events.add(signal("demo-2002-late", "DELIVERY_LATE", "CUST-2002", now.minus(day.multipliedBy(20)),
            java.util.Map.of("orderId", "57302", "email", "omar.haddad@example.com", "name", "Omar Haddad")));
        events.add(signal("demo-2002-failed", "DELIVERY_FAILED", "CUST-2002", now.minus(day.multipliedBy(10)),
            java.util.Map.of("orderId", "57302")));
        events.add(signal("demo-2002-refund", "REFUND_REQUESTED", "CUST-2002", now.minus(day.multipliedBy(6)),
            java.util.Map.of("orderId", "57302")));
        events.add(signal("demo-2003-contact-1", "SUPPORT_CONTACT", "CUST-2003", now.minus(day.multipliedBy(5)),
            java.util.Map.of("email", "grace.liu@example.com", "name", "Grace Liu")));
        events.add(signal("demo-2003-contact-2", "SUPPORT_CONTACT", "CUST-2003", now.minus(day), java.util.Map.of()));
        events.add(signal("demo-2003-cancel", "CANCELLATION", "CUST-2003", now.minus(java.time.Duration.ofHours(5)),
            java.util.Map.of("reason", "Subscription cancelled online")));
        businessEvents.take(events);
    }

    private static BusinessEvents.Event signal(String id, String type, String ref, java.time.Instant at,
                                               java.util.Map<String, Object> attributes) {
        return new BusinessEvents.Event(id, type, ref, at.toString(), attributes);
    }

    private static PastCase.Person staff(RedressUser user) {
        return new PastCase.Person(user.id(), user.name());
    }

    private RedressUser person(String email, String name, String role, Team team) {
        UserSummary created = users.provision(new UserManagement.NewUser(email, name, PASSWORD, role,
            team == null ? null : team.id()));
        return users.signedInAs(created.id()).orElseThrow();
    }

    private CaseView complaint(String ref, String name, String email, String channel, String category, int severity,
                               String subject, String words) {
        return intake.receive(new Intake.Complaint(CustomerDetails.of(ref, name, email, null), channel, category,
            severity, subject, words), null, Actor.SYSTEM).recoveryCase();
    }

    private void walk(CaseView c, RedressUser agent, String cause, String ours, String finding) {
        cases.acknowledge(c.id(), agent.actor(), "Thank you for telling us. I am on it and will be back to you today.");
        cases.listen(c.id(), agent.actor(), "Took the full account and confirmed the order details.");
        cases.apologize(c.id(), agent.actor(), "I'm truly sorry for the trouble this caused you.");
        cases.identifyCause(c.id(), agent.actor(), cause, ours, finding);
    }

    private void recovered(String ref, String name, String email, String category, RedressUser agent, String subject,
                           String words, String cause) {
        CaseView c = complaint(ref, name, email, "email", category, 3, subject, words);
        LocalDate today = LocalDate.ofInstant(clock.instant(), businessZone);
        cases.assign(c.id(), agent, agent.id(), null);
        walk(c, agent, cause, "ours", "Confirmed with the team responsible.");
        cases.explain(c.id(), agent.actor(), "We made a mistake at our end; here is exactly what happened.");
        cases.resolve(c.id(), agent.actor(), "Replacement sent by express and a 10 EUR credit.", today);
        cases.fulfil(c.id(), agent.actor(), "Shipped with tracking.");
        cases.followUp(c.id(), agent.actor(), true, 5, "Very happy with how quickly it was sorted.");
        cases.learn(c.id(), agent.actor(), "Items of this line leave the warehouse unchecked.",
            "Add a second check at packing for this product line.", agent.id(), today.plusDays(14));
        cases.close(c.id(), agent.actor(), "recovered", null);
    }

}
