package fr.recouvrement.portal;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.channel.CreditorSettings;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Builds the debtor's page from the case a link opens. */
@Service
class PortalPages {
  private static final Map<String, String> SUBJECTS =
      Map.ofEntries(
          Map.entry("relance-preventive", "Rappel avant échéance"),
          Map.entry("relance-courtoise", "Relance amiable"),
          Map.entry("relance-ferme", "Relance"),
          Map.entry("relance-sms", "Relance par SMS"),
          Map.entry("relance-sms-ferme", "Relance par SMS"),
          Map.entry("dernier-avis", "Dernier avis avant mise en demeure"),
          Map.entry("mise-en-demeure", "Mise en demeure"),
          Map.entry("echeancier", "Votre échéancier"),
          Map.entry("echeance-impayee", "Échéance impayée"),
          Map.entry("proposition-echeancier", "Proposition d'échéancier"),
          Map.entry("contestation-rejetee", "Réponse à votre contestation"),
          Map.entry("mediateur-consommation", "Médiateur de la consommation"));
  private static final Map<String, String> CHANNELS =
      Map.of("EMAIL", "Courriel", "SMS", "SMS", "LETTER", "Courrier", "PHONE_CALL", "Appel");

  private final CaseService cases;
  private final CreditorSettings creditor;
  private final PortalRepository repository;

  PortalPages(CaseService cases, CreditorSettings creditor, PortalRepository repository) {
    this.cases = cases;
    this.creditor = creditor;
    this.repository = repository;
  }

  PortalView view(PortalRepository.LinkedCase link) {
    CaseView c = cases.get(link.reference());
    boolean consumer = c.debtor().type() == DebtorType.CONSUMER;
    List<PortalView.Invoice> invoices =
        c.invoices().stream()
            .filter(i -> i.outstanding().signum() > 0)
            .map(
                i ->
                    new PortalView.Invoice(
                        i.number(),
                        i.issueDate(),
                        i.dueDate(),
                        i.amount(),
                        i.outstanding(),
                        i.disputed()))
            .toList();
    List<PortalView.Charge> charges = new ArrayList<>();
    if (!consumer) {
      BigDecimal penalties = sum(c.invoices().stream().map(CaseView.Invoice::latePenalty).toList());
      BigDecimal indemnities =
          sum(c.invoices().stream().map(CaseView.Invoice::recoveryIndemnity).toList());
      if (penalties.signum() > 0) {
        charges.add(
            new PortalView.Charge(
                "Pénalités de retard",
                penalties,
                "Dues dès le lendemain de l'échéance d'une facture impayée, au taux prévu au contrat ou, à défaut, au taux de la BCE majoré de 10 points.",
                "Code de commerce, art. L441-10"));
      }
      if (indemnities.signum() > 0) {
        charges.add(
            new PortalView.Charge(
                "Indemnité forfaitaire pour frais de recouvrement",
                indemnities,
                "40 € par facture payée en retard, due par un professionnel dès le premier jour de retard.",
                "Code de commerce, art. L441-10 et D441-5"));
      }
    } else if (c.legalInterest() != null && c.legalInterest().signum() > 0) {
      charges.add(
          new PortalView.Charge(
              "Intérêts au taux légal",
              c.legalInterest(),
              "Dus depuis la mise en demeure"
                  + (c.legalInterestFrom() == null ? "" : " du " + date(c.legalInterestFrom()))
                  + ", sur les sommes qu'elle réclamait.",
              "Code civil, art. 1231-6 et 1344-1"));
    }
    BigDecimal payable = c.undisputedBalance().setScale(2, RoundingMode.HALF_UP);
    String epc =
        creditor.iban() == null || payable.signum() <= 0
            ? null
            : QrCodes.dataUri(
                QrCodes.epcPayload(creditor.name(), creditor.iban(), payable, c.reference()),
                ErrorCorrectionLevel.M,
                240);
    List<PortalView.Message> messages =
        repository.sent(link.caseId()).stream()
            .map(
                s ->
                    new PortalView.Message(
                        LocalDate.ofInstant(s.at(), CaseClock.PARIS),
                        CHANNELS.getOrDefault(s.channel(), s.channel()),
                        subject(s)))
            .toList();
    CreditorSettings.Mediator m = creditor.consumerMediator();
    List<PortalView.Done> done =
        repository.actions(link.caseId()).stream()
            .map(
                a ->
                    new PortalView.Done(
                        LocalDate.ofInstant(a.at(), CaseClock.PARIS),
                        a.summary() == null ? kindLabel(a.kind()) : a.summary()))
            .toList();
    return new PortalView(
        creditor.name(),
        creditor.address(),
        creditor.email(),
        creditor.phone(),
        c.reference(),
        c.debtor().name(),
        consumer,
        c.status().isClosed(),
        invoices,
        charges,
        c.balance().setScale(2, RoundingMode.HALF_UP),
        payable,
        creditor.ibanGrouped(),
        epc,
        messages,
        consumer && m != null ? new PortalView.Mediator(m.name(), m.address(), m.website()) : null,
        done);
  }

  private static String kindLabel(String kind) {
    try {
      return PortalAction.valueOf(kind).label();
    } catch (IllegalArgumentException e) {
      return kind;
    }
  }

  /**
   * An email's subject is the first line of its recorded content; other channels are named after
   * their template.
   */
  private static String subject(PortalRepository.Sent s) {
    if ("EMAIL".equals(s.channel()) && s.content() != null && !s.content().isBlank()) {
      String first = s.content().lines().findFirst().orElse("").strip();
      if (!first.isEmpty()) {
        return first.length() > 140 ? first.substring(0, 140) + "…" : first;
      }
    }
    String t = s.template() == null ? "" : s.template();
    String known = SUBJECTS.get(t);
    if (known != null) {
      return known;
    }
    String words = t.replace('-', ' ').strip();
    return words.isEmpty()
        ? "Message"
        : words.substring(0, 1).toUpperCase(Locale.FRANCE) + words.substring(1);
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream()
        .map(a -> a == null ? BigDecimal.ZERO : a)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static String date(LocalDate d) {
    return d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE));
  }
}
