package org.redress.communications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseView;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Every {@link CustomerChannel} there is, and which one answers a case: the one the case
 * came by when it can reach the customer (a chat gets its answer in the chat), otherwise
 * email. Each channel reaches only customers who used it with us (see
 * {@link CustomerChannel#addressOf}).
 */
@Component
class CustomerChannels {

    /** A channel that reaches a case's customer, and where. */
    record Reach(CustomerChannel channel, String address) {}

    static final String EMAIL = "email";

    private final List<CustomerChannel> all;

    CustomerChannels(List<CustomerChannel> all) {
        this.all = List.copyOf(all);
    }

    List<CustomerChannel> ready() {
        return all.stream().filter(CustomerChannel::ready).toList();
    }

    Optional<CustomerChannel> sending(String route) {
        return all.stream().filter(channel -> channel.routes().contains(route)).findFirst();
    }

    /** The channels that reach this case's customer, the one to answer on first. */
    List<Reach> reaching(CaseView recoveryCase) {
        List<Reach> reaching = new ArrayList<>();
        for (CustomerChannel channel : all) {
            String address = channel.addressOf(recoveryCase);
            if (address != null) {
                reaching.add(new Reach(channel, address));
            }
        }
        reaching.sort((a, b) -> Integer.compare(rank(a, recoveryCase), rank(b, recoveryCase)));
        return reaching;
    }

    /** The channel named, or the one to answer on; refused when it does not reach the customer. */
    Reach answering(CaseView recoveryCase, @Nullable String named) {
        List<Reach> reaching = reaching(recoveryCase);
        if (named == null || named.isBlank()) {
            return reaching.stream().findFirst().orElseThrow(() -> new Conflict("The customer of " + recoveryCase.number()
                + " cannot be reached: they wrote by " + recoveryCase.channel() + " and have no email address; add one to "
                + "the customer first."));
        }
        String name = named.trim().toLowerCase(java.util.Locale.ROOT);
        if (all.stream().noneMatch(channel -> channel.name().equals(name))) {
            throw InvalidInput.field("channel", "'" + named + "' is not a channel; use one of "
                + String.join(", ", all.stream().map(CustomerChannel::name).toList()));
        }
        return reaching.stream().filter(reach -> reach.channel().name().equals(name)).findFirst()
            .orElseThrow(() -> new Conflict("The customer of " + recoveryCase.number() + " cannot be reached by " + name
                + (name.equals(EMAIL) ? ": they have no email address; add one to the customer first." : ": they did not "
                + "write to us that way.")));
    }

    private static int rank(Reach reach, CaseView recoveryCase) {
        return reach.channel().caseChannel().code().equals(recoveryCase.channel()) ? 0
            : reach.channel().name().equals(EMAIL) ? 1 : 2;
    }
}
