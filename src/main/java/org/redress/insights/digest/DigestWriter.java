package org.redress.insights.digest;

import java.util.ArrayList;
import java.util.List;

import org.redress.identity.UserSummary;
import org.redress.insights.DigestSection;
import org.redress.platform.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * Writes a week's digest: the key numbers are read once per week (the same for every reader),
 * then each reader's email is put together with the parts other modules add for them
 * ({@link DigestSection}). Plain text: the outbox sends an HTML copy with the links clickable.
 * Links are built from the one public address, like every link Redress hands out.
 */
@Component
class DigestWriter {

    /** A reader's email. */
    record Mail(String subject, String text) {}

    private final KeyNumbers keyNumbers;
    private final List<DigestSection> sections;
    private final PublicAddress address;
    private final DigestSettings settings;

    DigestWriter(KeyNumbers keyNumbers, List<DigestSection> sections, PublicAddress address, DigestSettings settings) {
        this.keyNumbers = keyNumbers;
        this.sections = sections;
        this.address = address;
        this.settings = settings;
    }

    /** The week's edition: its figures read now. */
    Edition edition(DigestWeek week) {
        return new Edition(week, keyNumbers.of(week.days()));
    }

    /** One week's digest, to be addressed to each reader. */
    final class Edition {

        private final DigestWeek week;
        private final List<DigestSection.Part> common;

        private Edition(DigestWeek week, KeyNumbers.Week figures) {
            this.week = week;
            List<String> changes = WhatChanged.of(figures.figures());
            List<String> numbers = new ArrayList<>(figures.figures().stream().map(DigestFigure::line).toList());
            numbers.add("Cases open now: " + figures.openNow());
            this.common = List.of(
                new DigestSection.Part("What changed", changes.isEmpty()
                    ? List.of("Nothing moved much: every figure stayed within 5 points, or a fifth, of the week before.")
                    : changes),
                new DigestSection.Part("Key numbers: this week (the week before)", numbers));
        }

        Mail to(UserSummary reader) {
            List<DigestSection.Part> parts = new ArrayList<>(common);
            for (DigestSection section : sections) {
                section.partFor(reader, week.days()).ifPresent(parts::add);
            }
            StringBuilder text = new StringBuilder("Hello ").append(reader.name()).append(",\n\n")
                .append("Here is your week in Redress, ").append(week.inFull()).append(", beside the week before.\n\n");
            for (DigestSection.Part part : parts) {
                text.append(part.title()).append('\n');
                part.lines().forEach(line -> text.append("- ").append(line).append('\n'));
                text.append('\n');
            }
            text.append("See the week on the Insights page: ").append(insightsLink()).append("\n\n")
                .append("You receive this digest ").append(settings.when()).append(" as a lead, manager or admin of Redress. ")
                .append("To stop it, switch it off on your Account page: ").append(address.link("/account")).append('\n');
            return new Mail("Your week in Redress: " + week.shortly(), text.toString());
        }

        private String insightsLink() {
            return address.link("/insights?from=" + week.days().from() + "&to=" + week.days().to());
        }
    }
}
