package org.redress.cases;

import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case page's heartbeat (every 10 s): records that the person has the case open, and
 * whether they are writing, and shows who else is there. Only for people who may open the
 * case: the URL names it, so it is checked like every other.
 */
@Controller
class CasePresenceController {

    private final CasePresence presence;

    CasePresenceController(CasePresence presence) {
        this.presence = presence;
    }

    @PostMapping("/cases/{case}/presence")
    String presence(@PathVariable("case") String number, @RequestParam(defaultValue = "false") boolean writing,
                    @AuthenticationPrincipal RedressUser me, Model model) {
        long id = CaseManagement.idOf(number);
        model.addAttribute("number", CaseNumber.format(id));
        model.addAttribute("others", presence.beat(id, me, writing));
        return "cases/presence :: presence";
    }
}
