package org.redress.demo;

import java.util.List;

/**
 * A root cause of the demo's past complaints: how often it struck (cases a day), the
 * category the customer filed it under, our part in it, and the words of it: what the
 * customer wrote, what was agreed without a remedy, and what the case taught.
 */
record PastCause(String code, double perDay, String category, String responsibility, List<String[]> complaints,
                  String resolution, String lesson) {

    /** Carrier delays struck most until the lesson's action was done; then far less. */
    static final double CARRIER_DELAY_AFTER_ACTION = 1.4;
    /** Picking errors fell a little after the second check at packing. */
    static final double WAREHOUSE_ERROR_AFTER_ACTION = 1.1;

    static final List<PastCause> ALL = List.of(
        new PastCause("carrier-delay", 5.6, "delivery", "PARTLY_OURS", List.<String[]>of(
            new String[] {"Parcel a week late", "The tracking said 'on its way' for six days. Nobody told me why."},
            new String[] {"Delivery missed the promised day", "I stayed home all day for the delivery and it never came."},
            new String[] {"Gift arrived after the birthday", "I paid for express so it would arrive in time. It did not."}),
            "A new delivery by express on a day the customer chose", "The carrier for the north region misses its days; nobody tells the customer."),
        new PastCause("warehouse-error", 1.5, "delivery", "OURS", List.<String[]>of(
            new String[] {"Wrong item in the box", "I ordered the blue jacket in M and got a red one in XL."},
            new String[] {"Half the order missing", "Only two of the four chairs came; the invoice says all four were sent."}),
            "The right item sent by express, the wrong one collected", "Mixed orders leave the warehouse without a second check."),
        new PastCause("product-defect", 1.3, "product-quality", "OURS", List.<String[]>of(
            new String[] {"Kettle stopped working after a month", "It just does not switch on any more."},
            new String[] {"Zip broke on first use", "The zip of the new backpack came apart the first day."}),
            "A replacement from the new batch", "One batch of this product line fails early; the supplier knows."),
        new PastCause("pricing-error", 0.9, "billing", "OURS", List.<String[]>of(
            new String[] {"Charged more than the shelf price", "The shelf said 19.99 and I paid 24.99."},
            new String[] {"Charged twice", "My card shows the same order twice."}),
            "The difference paid back to the card", "Price changes reach the tills a day after the shelves."),
        new PastCause("staff-behaviour", 0.7, "service", "OURS", List.<String[]>of(
            new String[] {"Rude answer at the returns desk", "I was told to read the policy and nothing else."},
            new String[] {"Agent hung up on me", "I was explaining my problem and the line went dead."}),
            "A personal call from the team lead", "New staff at the returns desk learn the policy, not how to talk about it."),
        new PastCause("process-gap", 0.6, "service", "OURS", List.<String[]>of(
            new String[] {"Return refused without a reason", "The store would not take back an unopened item."},
            new String[] {"Nobody knows who handles my warranty", "I was sent between three departments."}),
            "The return taken back and refunded", "The returns policy leaves the store to guess."),
        new PastCause("understaffing", 0.8, "wait-time", "OURS", List.<String[]>of(
            new String[] {"45 minutes on hold", "I waited 45 minutes and then the call dropped."},
            new String[] {"Queue at the store for an hour", "One person at the service desk on a Saturday."}),
            "A call back at a time the customer chose", "Lunchtime on the phones has half the people it needs."),
        new PastCause("system-failure", 0.4, "outage", "OURS", List.<String[]>of(
            new String[] {"App down during checkout", "The app crashed three times while I was paying."},
            new String[] {"Could not sign in for two days", "The password reset mail never arrives."}),
            "The order placed by hand at the price of the day", "The payment service has no second region to fail over to."),
        new PastCause("communication", 0.6, "service", "PARTLY_OURS", List.<String[]>of(
            new String[] {"Told two different things", "The chat said one thing and the store another."}),
            "The answer confirmed in writing", "The chat's answers on returns are older than the policy."),
        new PastCause("third-party", 0.3, "delivery", "NOT_OURS", List.<String[]>of(
            new String[] {"Installer never came", "The fitting company you sent did not show up."}),
            "A new appointment with another installer", "The fitting partner overbooks in the summer."),
        new PastCause("customer-misunderstanding", 0.5, "product-quality", "NOT_OURS", List.<String[]>of(
            new String[] {"Sofa smaller than expected", "It looked much bigger in the pictures."}),
            "The return collected free of charge", "The product page shows no measurements in the first picture."));

    static PastCause of(String code) {
        return ALL.stream().filter(cause -> cause.code().equals(code)).findFirst().orElseThrow();
    }
}
