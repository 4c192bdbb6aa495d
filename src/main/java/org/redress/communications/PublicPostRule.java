package org.redress.communications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What may be said in public on a social network: a short acknowledgement that invites the
 * customer to continue privately, nothing more. Checked on the words themselves, whatever
 * the reply is labelled: causes, amounts, remedies, dates and order details belong in a
 * direct message, where the customer's privacy and the business's commitments are safe.
 */
final class PublicPostRule {

    static final int MAX_LENGTH = 280;

    static final List<String> PRIVATE_INVITATIONS = List.of("direct message", "private message", "message us", "dm us",
        "send us a dm", "in private", "dm", "email us", "e-mail us");

    private static final Pattern MONEY = Pattern.compile(
        "[€$£¥]\\s*\\d|\\d\\s*[€$£¥]|\\b\\d+([.,]\\d+)?\\s*(eur|euros?|usd|dollars?|gbp|pounds?|chf|francs?)\\b|\\b\\d+\\s*%|\\bper ?cent\\b");
    private static final Pattern REMEDY = Pattern.compile(
        "\\b(refund\\w*|reimburs\\w*|compensat\\w*|vouchers?|discounts?|coupons?|credits?|free of charge|replacement|money back|gift cards?)\\b");
    private static final Pattern CAUSE = Pattern.compile(
        "\\b(because|due to|caused by|the cause|the reason|as a result of|the problem was|the issue was|went wrong|"
            + "(was|were|got) (lost|damaged|delayed|broken|mislaid) by|fault of|(was|were) our fault)\\b");
    private static final Pattern DATE = Pattern.compile(
        "\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b(tomorrow|tonight|next week)\\b"
            + "|\\b\\d{1,2}(st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b"
            + "|\\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b"
            + "|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b|\\bby \\d{1,2}(:\\d{2})?\\s*(am|pm)?\\b");
    private static final Pattern ORDER_DETAIL = Pattern.compile("\\b(order|invoice|account|tracking|case)\\s*(no\\.?|number|#)?\\s*#?\\d{3,}\\b|#\\d{3,}");

    private PublicPostRule() {
    }

    /** Why this text may not be posted in public; empty when it may. */
    static List<String> objections(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> objections = new ArrayList<>();
        if (text.length() > MAX_LENGTH) {
            objections.add("it is too long for a public post (at most " + MAX_LENGTH + " characters)");
        }
        if (PRIVATE_INVITATIONS.stream().noneMatch(invitation -> Pattern.compile("\\b" + Pattern.quote(invitation) + "\\b")
            .matcher(lower).find())) {
            objections.add("it must invite the customer to continue privately, e.g. \"please send us a direct message\"");
        }
        if (MONEY.matcher(lower).find()) {
            objections.add("it names an amount");
        }
        if (REMEDY.matcher(lower).find()) {
            objections.add("it offers or names a remedy");
        }
        if (CAUSE.matcher(lower).find()) {
            objections.add("it explains the cause");
        }
        if (DATE.matcher(lower).find()) {
            objections.add("it names a date or time");
        }
        if (ORDER_DETAIL.matcher(lower).find()) {
            objections.add("it names an order or account number");
        }
        return objections;
    }
}
