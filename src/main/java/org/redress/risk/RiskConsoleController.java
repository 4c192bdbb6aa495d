package org.redress.risk;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Silent customers page: the iceberg, then who is at risk and why; the iceberg also sits on the queue page for supervisors. */
@Controller
class RiskConsoleController {

    private final RiskViews views;
    private final IcebergGlance glance;

    RiskConsoleController(RiskViews views, IcebergGlance glance) {
        this.views = views;
        this.glance = glance;
    }

    @GetMapping("/risk")
    String page(Model model) {
        model.addAttribute("section", "risk");
        model.addAttribute("iceberg", views.iceberg(views.icebergDays()));
        model.addAttribute("threshold", views.threshold());
        model.addAttribute("customers", views.atRisk(views.threshold() / 2, 100));
        model.addAttribute("linkToList", false);
        return "risk/list";
    }

    /** The customer's risk and why, for their page (loaded with htmx; the customers page does not depend on risk). */
    @GetMapping("/customers/{id}/risk")
    String customer(@PathVariable long id, Model model) {
        model.addAttribute("risk", views.of(id));
        return "risk/customer-card :: card";
    }

    /** The iceberg alone, for the queue page (loaded with htmx; cases does not depend on risk), counted every 30 s at most. */
    @GetMapping("/risk/iceberg")
    String iceberg(Model model) {
        model.addAttribute("iceberg", glance.now());
        model.addAttribute("linkToList", true);
        return "risk/iceberg :: iceberg";
    }
}
