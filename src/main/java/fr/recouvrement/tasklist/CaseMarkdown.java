package fr.recouvrement.tasklist;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CaseMessages;
import fr.recouvrement.web.pages.Labels;
import fr.recouvrement.web.pages.PageFormats;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The case as the collector forms show it: Markdown that form-js renders in a text component
 * ({@code {{caseContext}}}), every amount and date already French, every code a French label, and
 * whatever the debtor's data holds escaped so that it is shown, never interpreted.
 */
final class CaseMarkdown {
  private static final PageFormats FMT = PageFormats.FRENCH;
  private static final Labels LABELS = Labels.FRENCH;

  private CaseMarkdown() {}

  /** The header every collector form starts with. */
  static String header(CaseView view, TaskAgenda.Facts facts) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(text(view.debtor().name())).append('\n');
    md.append("Dossier <a href=\"/app/cases/")
        .append(attribute(view.reference()))
        .append("\" target=\"_blank\">")
        .append(text(view.reference()))
        .append("</a> · ")
        .append(text(LABELS.status(view.status())))
        .append(" · segment ")
        .append(text(LABELS.segment(view.segment())))
        .append("\n\n");
    md.append("Montant en jeu : **")
        .append(FMT.amount(facts.amountAtStake()))
        .append("** · Retard : **")
        .append(days(facts.daysOverdue()))
        .append("** · Prochaine échéance légale : **")
        .append(TaskAgenda.deadline(facts))
        .append("**\n\n");
    String phone = view.debtor().phone();
    md.append("Téléphone : ");
    if (phone == null || phone.isBlank()) {
      md.append("non renseigné");
    } else {
      md.append("<a href=\"tel:")
          .append(attribute(phone.replaceAll("[^+0-9]", "")))
          .append("\">")
          .append(text(displayPhone(phone)))
          .append("</a>");
    }
    if (view.debtor().email() != null && !view.debtor().email().isBlank()) {
      md.append(" · Courriel : ").append(text(view.debtor().email()));
    }
    md.append('\n');
    return cut(md, view.reference());
  }

  static String invoices(CaseView view, LocalDate today) {
    List<CaseView.Invoice> unpaid =
        view.invoices().stream().filter(i -> i.outstanding().signum() > 0).toList();
    if (unpaid.isEmpty()) {
      return "Aucune facture impayée.";
    }
    StringBuilder md =
        new StringBuilder("| Facture | Échéance | Reste dû | Retard |\n|---|---|--:|--:|\n");
    unpaid.stream()
        .limit(TaskAgenda.MAX_ROWS)
        .forEach(
            i ->
                md.append("| ")
                    .append(text(i.number()))
                    .append(i.disputed() ? " (contestée)" : "")
                    .append(" | ")
                    .append(FMT.date(i.dueDate()))
                    .append(" | ")
                    .append(FMT.amount(i.owed()))
                    .append(" | ")
                    .append(
                        i.dueDate() != null && i.dueDate().isBefore(today)
                            ? days(ChronoUnit.DAYS.between(i.dueDate(), today))
                            : "à échoir")
                    .append(" |\n"));
    more(md, unpaid.size(), "factures", view.reference());
    return cut(md, view.reference());
  }

  static String messages(List<CaseMessages.Sent> sent) {
    if (sent.isEmpty()) {
      return "Aucun message envoyé.";
    }
    StringBuilder md =
        new StringBuilder("| Date | Canal | Message | Remis ? |\n|---|---|---|---|\n");
    for (CaseMessages.Sent m : sent) {
      md.append("| ")
          .append(FMT.dateTime(m.sentAt() != null ? m.sentAt() : m.createdAt()))
          .append(" | ")
          .append(text(LABELS.channel(m.channel())))
          .append(" | ")
          .append(text(LABELS.template(m.template())))
          .append(" | ")
          .append(text(LABELS.communicationStatus(m.status())));
      if (m.acknowledgement() != null) {
        md.append(" ; AR : ")
            .append(text(m.acknowledgement()))
            .append(m.acknowledgedOn() == null ? "" : " le " + FMT.date(m.acknowledgedOn()));
      }
      md.append(" |\n");
    }
    return cut(md, null);
  }

  static String promises(CaseView view) {
    if (view.promises().isEmpty()) {
      return "Aucune promesse de paiement.";
    }
    StringBuilder md =
        new StringBuilder(
            "| Promis pour le | Montant | Tenue ? | Prise par |\n|---|--:|---|---|\n");
    view.promises().stream()
        .limit(TaskAgenda.MAX_ROWS)
        .forEach(
            p ->
                md.append("| ")
                    .append(FMT.date(p.date()))
                    .append(" | ")
                    .append(FMT.amount(p.amount()))
                    .append(" | ")
                    .append(LABELS.promiseStatus(p.status()))
                    .append(" | ")
                    .append(text(p.recordedBy()))
                    .append(" |\n"));
    more(md, view.promises().size(), "promesses", view.reference());
    return cut(md, view.reference());
  }

  static String days(long days) {
    return days <= 1 ? days + "\u00a0jour" : days + "\u00a0jours";
  }

  /** +33612345678 → 06 12 34 56 78; anything else as given. */
  static String displayPhone(String phone) {
    String digits = phone.replaceAll("[^+0-9]", "");
    if (digits.matches("\\+33[1-9]\\d{8}")) {
      digits = "0" + digits.substring(3);
    }
    return digits.matches("0\\d{9}") ? digits.replaceAll("(\\d{2})(?=\\d)", "$1 ") : phone;
  }

  private static void more(StringBuilder md, int total, String what, String reference) {
    if (total > TaskAgenda.MAX_ROWS) {
      md.append("\n… et ")
          .append(total - TaskAgenda.MAX_ROWS)
          .append(' ')
          .append(what)
          .append(" de plus sur la page du dossier.\n");
    }
  }

  private static String cut(StringBuilder md, String reference) {
    if (md.length() <= TaskAgenda.MAX_TEXT) {
      return md.toString();
    }
    return md.substring(0, md.lastIndexOf("\n", TaskAgenda.MAX_TEXT))
        + "\n\n… la suite est sur la page du dossier.";
  }

  /**
   * Text shown as it is: HTML and the Markdown characters that would change the layout become
   * entities.
   */
  static String text(String value) {
    if (value == null) {
      return PageFormats.FRENCH.detail(null);
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '|', '*', '_', '[', ']', '`', '#', '\\', '{', '}', '~' ->
            out.append("&#").append((int) c).append(';');
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String attribute(String value) {
    return text(value).replace("'", "&#39;");
  }
}
