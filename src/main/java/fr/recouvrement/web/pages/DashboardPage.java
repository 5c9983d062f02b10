package fr.recouvrement.web.pages;

import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kpi.KpiService;
import fr.recouvrement.kpi.Kpis;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The KPIs of a period (this year by default) as figures and as bar charts: recovery and litigation
 * rates, cost per euro recovered, ROI by channel, amounts recovered by segment and by strategy
 * version. The figures are {@link KpiService}'s, the same as {@code GET /api/kpis}.
 */
@Controller
@RequestMapping("/app/dashboard")
class DashboardPage {
  private static final Logger log = LoggerFactory.getLogger(DashboardPage.class);

  // the KPIs are another capability's (kpi): without them the page says so instead of failing
  private final ObjectProvider<KpiService> kpis;

  DashboardPage(ObjectProvider<KpiService> kpis) {
    this.kpis = kpis;
  }

  @GetMapping
  String dashboard(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model,
      HttpServletResponse response) {
    LocalDate today = CaseClock.today();
    List<String> errors = new ArrayList<>();
    LocalDate start = date(from, today.withDayOfYear(1), "Date de début", errors);
    LocalDate end = date(to, today, "Date de fin", errors);
    if (errors.isEmpty() && start.isAfter(end)) {
      errors.add(
          "La date de début ("
              + PageFormats.FRENCH.date(start)
              + ") est après la date de fin ("
              + PageFormats.FRENCH.date(end)
              + ").");
    }
    model.addAttribute("from", from == null || from.isBlank() ? start.toString() : from);
    model.addAttribute("to", to == null || to.isBlank() ? end.toString() : to);
    model.addAttribute("errors", errors);
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "pages/dashboard";
    }
    KpiService service = kpis.getIfAvailable();
    if (service == null) {
      model.addAttribute("unavailable", true);
      return "pages/dashboard";
    }
    Kpis k;
    try {
      k = service.compute(start, end);
    } catch (RuntimeException e) {
      log.error("KPIs from {} to {} could not be computed", start, end, e);
      model.addAttribute("unavailable", true);
      return "pages/dashboard";
    }
    model.addAttribute("k", k);
    model.addAttribute("charts", charts(k));
    return "pages/dashboard";
  }

  private static List<Charts.Chart> charts(Kpis k) {
    PageFormats fmt = PageFormats.FRENCH;
    Labels labels = Labels.FRENCH;
    return List.of(
        Charts.chart(
            "rates",
            "Taux de recouvrement et de contentieux",
            1.0,
            List.of(
                new Charts.Entry("Recouvrement", k.recoveryRate(), fmt.percent(k.recoveryRate())),
                new Charts.Entry(
                    "Contentieux", k.litigationRate(), fmt.percent(k.litigationRate())))),
        Charts.chart(
            "cost-per-euro",
            "Coût par euro recouvré",
            1.0,
            List.of(
                new Charts.Entry(
                    "Coût pour 1 € recouvré",
                    k.costPerEuroRecovered(),
                    fmt.perEuro(k.costPerEuroRecovered())))),
        Charts.chart(
            "roi-by-channel",
            "Retour sur investissement par canal",
            0,
            breakdown(
                k.byChannel(),
                b -> labels.channel(b.key()),
                Kpis.Breakdown::roi,
                b -> fmt.percent(b.roi()))),
        Charts.chart(
            "recovered-by-segment",
            "Montant recouvré par segment",
            0,
            breakdown(
                k.bySegment(),
                Kpis.Breakdown::key,
                b -> euros(b.recoveredAfter()),
                b -> fmt.amount(b.recoveredAfter()))),
        Charts.chart(
            "recovered-by-strategy",
            "Montant recouvré par version de stratégie",
            0,
            breakdown(
                k.byStrategyVersion(),
                Kpis.Breakdown::key,
                b -> euros(b.recoveredAfter()),
                b -> fmt.amount(b.recoveredAfter()))));
  }

  private static List<Charts.Entry> breakdown(
      List<Kpis.Breakdown> lines,
      Function<Kpis.Breakdown, String> label,
      Function<Kpis.Breakdown, Double> value,
      Function<Kpis.Breakdown, String> text) {
    return lines == null
        ? List.of()
        : lines.stream()
            .map(b -> new Charts.Entry(label.apply(b), value.apply(b), text.apply(b)))
            .toList();
  }

  private static Double euros(BigDecimal amount) {
    return amount == null ? null : amount.doubleValue();
  }

  private static LocalDate date(
      String value, LocalDate otherwise, String what, List<String> errors) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(what + " invalide : « " + value + " » (format attendu AAAA-MM-JJ).");
      return otherwise;
    }
  }
}
