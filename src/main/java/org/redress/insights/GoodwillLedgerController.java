package org.redress.insights;

import java.util.List;

import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The goodwill ledger by person, as the approvals page shows it after it loads; nothing for an agent. */
@Controller
class GoodwillLedgerController {

    private final GoodwillLedger ledger;

    GoodwillLedgerController(GoodwillLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/insights/ledger")
    String ledger(@AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("ledger", me.supervises() ? ledger.by("agent") : List.of());
        return "insights/ledger :: ledger";
    }
}
